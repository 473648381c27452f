"""The declared permission matrix: for every URL, the answer each role gets.

This module is data, not a test. `test_permission_matrix.py` walks every pattern
of the root resolver and asks each URL as each role below, with real objects from
`world.py`; a pattern missing here, or a row whose URL no longer exists, fails.
So a new view cannot be added without deciding who may open it.

Where the answers come from: the rules modules (`*/rules.py`, `matching/case_rules.py`),
the architecture ("no access → 404, so ids leak nothing"; login first) and the
domain (companies own their logbook; the advisor and the researchers read it only
with the company's consent; advisor notes never reach the company). They were not
recorded from what the code answers. Where the code answers something else, the
row still says what the rules say and the disagreement is a `KNOWN_FINDINGS` entry
(with the reason), so the suite stays green and the finding stays visible (the run's
summary counts the checks each finding covers). A disagreement a status cannot show
(what a permitted page tells) is a strict xfail test in test_permission_matrix.py.

An answer is an HTTP status (200, 301, 302, 400, 404, 405) or `LOGIN`: a redirect
to the login page, what an anonymous visitor gets on every private page. A 302
elsewhere (after a POST, or allauth sending a signed-in person on) is plain 302.

Every row has a GET answer per role. A POST-only view also has the answer to a
POST with an empty body, which must never be a 500: a permitted person gets the
form back with its errors (200/400) or is sent on (302), everybody else a 404.
So do the pages that act on the person's own account (their data, deleting it).
"""

from tests.security.matrix_advice_advcat import MATRIX_ADVICE_ADVCAT
from tests.security.matrix_advice_advflow import MATRIX_ADVFLOW
from tests.security.matrix_editors import MATRIX_EDITORS
from tests.security.matrix_errors import MATRIX_ERRORS
from tests.security.matrix_exports import MATRIX_EXPORTS
from tests.security.matrix_markers import (
    KNOWN_FINDINGS,
    MARKERS,
    Finding,
    Marker,
    Proof,
)
from tests.security.matrix_orgs import MATRIX_ORGS
from tests.security.matrix_people import MATRIX_PEOPLE
from tests.security.matrix_roles import (
    ADVISOR_A,
    ADVISOR_OTHER,
    ADVISORS,
    ANONYMOUS,
    CASE_PARTIES,
    CASE_VIEWERS,
    COMPANY_A,
    FACILITATOR,
    FACILITATOR_NO_CONSENT,
    FACILITATOR_OTHER,
    FACILITATORS,
    LOGBOOK_READERS,
    LOGIN,
    OWNER_A,
    OWNER_B,
    OWNERS,
    PARTICIPANTS,
    ROLE_HOLDERS,
    ROLES,
    STAFF,
    SUBJECT,
    SUPERUSER,
    UNIT_COLLEAGUE,
    Answer,
    Row,
    allauth,
    everyone,
    only,
    page,
    post_only,
    public,
    signed_in,
    subject_of,
)

# Keys are URL names ("namespace:name"); an unnamed pattern is keyed by its route.
# "name@variant" asks the same URL with other objects (world.py says which).
MATRIX: dict[str, Row] = {
    # --- Public pages: the knowledge site, health check, sitemap ---------------------
    # SMV-brobygger is public (README); /healthz answers probes; nothing here is private.
    "front_page": public(),
    "healthz": public(),
    "django.contrib.sitemaps.views.sitemap": public(),
    "favicon.ico": public(301),
    # GET sends back to a safe page without changing anything; POST sets the language.
    "set_language": public(302),
    "knowledge:landing": public(),
    "knowledge:search": public(),
    "knowledge:self_assessment": public(),
    "knowledge:section": public(),
    "knowledge:section_pdf": public(),
    "knowledge:page": public(),
    # --- The knowledge editor: facilitators are the site's editors -------------------
    # (knowledge/rules.py: edit_page = is_facilitator)
    "knowledge:editor_list": page(FACILITATORS),
    "knowledge:editor_create": page(FACILITATORS),
    "knowledge:editor_edit": page(FACILITATORS),
    "knowledge:editor_unpublish": page(FACILITATORS),  # GET: the confirmation
    "knowledge:editor_revisions": page(FACILITATORS),
    "knowledge:editor_restore": page(FACILITATORS),  # GET: the confirmation
    "knowledge:editor_preview": post_only(FACILITATORS, 200),  # an empty preview
    "knowledge:editor_publish": post_only(FACILITATORS, 302),
    # --- From practice to knowledge (issue 14) -----------------------------------------
    # The recommendations section is public. A case page's approval (knowledge/approvals/
    # rules.py): the company's SMV owners and the case's advisor answer, facilitators
    # see and send; another company's is 404. The list is everyone's own.
    "knowledge:recommendations": public(),
    "knowledge:case_approvals": Row(get=signed_in(200)),
    "knowledge:case_approval": page((OWNER_A, ADVISOR_A, *FACILITATORS)),
    "knowledge:case_approval_send": post_only(FACILITATORS, 302),
    "knowledge:case_approval_approve": post_only((OWNER_A, ADVISOR_A), 302),
    "knowledge:case_approval_withdraw": page((OWNER_A, ADVISOR_A)),  # GET: the confirmation
    "knowledge:case_approval_suggest": post_only((OWNER_A, ADVISOR_A), 200),  # the form again
    # --- Accounts: dashboards, organisations, invitations ----------------------------
    # Every signed-in person has a dashboard (one without a role is told so).
    "dashboard": Row(get=signed_in(200)),
    # Facilitators list, create and invite; an organisation's page is for its own
    # members and facilitators (accounts/rules.py view_organisation).
    "organisation_list": page(FACILITATORS),
    "organisation_create": page(FACILITATORS),
    "organisation_detail": page((OWNER_A, *FACILITATORS)),
    "invitation_create": page(FACILITATORS),
    "invitation_revoke": page(FACILITATORS),  # GET: the confirmation
    # The secret token is the credential: the link works for whoever holds it (the
    # accept step then checks the e-mail address).
    "invitation_accept": public(),
    # A person's own data (accounts/privacy): no id in the URL, each person gets their
    # own. An empty POST downloads the JSON (200) / shows the confirmation's errors (200).
    "accounts:personal_data": Row(get=signed_in(200), post=signed_in(200)),
    "accounts:account_delete": Row(get=signed_in(200), post=signed_in(200)),
    # --- Notifications (bifrost/core/notifications): each person's own -------------
    # The list and "mark all read" have no id: everyone signed in gets their own. A
    # single notification is its recipient's only (the subject's owner); anyone
    # else's is 404. Opening marks it read and redirects to its (local) link.
    "core:notifications": Row(get=signed_in(200)),
    "core:notifications_read_all": Row(get=signed_in(405), post=signed_in(302)),
    "core:notification_read": post_only(COMPANY_A, 302),
    "core:notification_open": page(COMPANY_A, 302),
    # --- allauth's own pages (login, password, e-mail, two-factor) -------------------
    # These are allauth's rules with our settings: invitation only (sign-up closed),
    # mandatory verification, no login by code. Signed-in people are sent on from the
    # login and sign-up pages; the account pages need a login.
    "account_login": allauth(anonymous=200, signed=302),
    "account_logout": allauth(anonymous=302, signed=200),  # no logout on GET
    "account_inactive": public(),
    "account_signup": allauth(anonymous=200, signed=302),  # "sign-up is closed"
    "account_reauthenticate": allauth(anonymous=LOGIN, signed=200),
    "account_email": allauth(anonymous=LOGIN, signed=200),
    "account_email_verification_sent": public(),
    "account_change_password": allauth(anonymous=LOGIN, signed=200),
    # Everyone here has a password, so "set" sends on to "change".
    "account_set_password": allauth(anonymous=LOGIN, signed=302),
    "account_reset_password": public(),
    "account_reset_password_done": public(),
    "account_reset_password_from_key_done": public(),
    # A valid key is moved out of the URL into the session (a redirect).
    "account_reset_password_from_key": public(302),
    # A valid confirmation key shows the confirmation page to whoever holds it.
    "account_confirm_email": public(),
    # Only inside a login that is waiting for a code / a second factor: without one
    # back to the login page; a signed-in person is sent on to the dashboard.
    "account_confirm_login_code": allauth(anonymous=LOGIN, signed=302),
    "mfa_authenticate": allauth(anonymous=LOGIN, signed=302),
    "mfa_index": allauth(anonymous=LOGIN, signed=200),
    # Nobody in the world has a second factor yet: nothing to reauthenticate with
    # (sent on), nothing to deactivate or to show recovery codes of (404). Setting one
    # up, or making codes, first asks for the password again (a test login has not
    # typed one), so those send to the reauthentication page.
    "mfa_reauthenticate": allauth(anonymous=LOGIN, signed=302),
    "mfa_activate_totp": allauth(anonymous=LOGIN, signed=302),
    "mfa_generate_recovery_codes": allauth(anonymous=LOGIN, signed=302),
    "mfa_deactivate_totp": allauth(anonymous=LOGIN, signed=404),
    "mfa_view_recovery_codes": allauth(anonymous=LOGIN, signed=404),
    "mfa_download_recovery_codes": allauth(anonymous=LOGIN, signed=404),
    # --- Programmes ------------------------------------------------------------------
    # programme/rules.py: anyone with a role sees the landing (listing their own);
    # facilitators create and manage; a programme's page is for facilitators and the
    # members of its enrolled organisations.
    "programme:landing": page(ROLE_HOLDERS),
    "programme:programme_create": page(FACILITATORS),
    "programme:programme_detail": page(ROLE_HOLDERS),
    "programme:programme_edit": page(FACILITATORS),
    "programme:enrolments": page(FACILITATORS),
    "programme:enrolment_end": page(FACILITATORS),  # GET: the confirmation
    # --- Meetings (development meeting 2, for companies and advisors) ----------------
    # view_meeting: facilitators and participants; manage_meeting: facilitators.
    "programme:meeting": page(ROLE_HOLDERS),
    "programme:meeting_ics": page(ROLE_HOLDERS),
    "programme:live": page(ROLE_HOLDERS),
    "programme:live_current": page(ROLE_HOLDERS),
    "programme:agenda_item_material": page(ROLE_HOLDERS),  # the file, behind the check
    "programme:agenda_pdf": post_only(ROLE_HOLDERS, 302),  # to the status page
    "programme:agenda_pdf_status": page(ROLE_HOLDERS),
    "programme:agenda_pdf_download": page(ROLE_HOLDERS),
    # The kick-off is for the companies only: advisors may not see it.
    "programme:meeting@kickoff": page((*OWNERS, *FACILITATORS)),
    "programme:meeting_ics@kickoff": page((*OWNERS, *FACILITATORS)),
    "programme:live@kickoff": page((*OWNERS, *FACILITATORS)),
    "programme:meeting_edit": page(FACILITATORS),
    "programme:meeting_cancel": page(FACILITATORS),  # GET: the confirmation
    "programme:agenda": page(FACILITATORS),
    "programme:agenda_item_create": page(FACILITATORS),
    "programme:agenda_item_edit": page(FACILITATORS),
    "programme:agenda_item_delete": page(FACILITATORS),  # GET: the confirmation
    "programme:agenda_reorder": post_only(FACILITATORS, 302),
    "programme:agenda_item_move": post_only(FACILITATORS, 302),
    "programme:agenda_item_notes": post_only(FACILITATORS, 302),  # empty notes are valid
    "programme:run": page(FACILITATORS),
    "programme:run_panel": page(FACILITATORS),
    "programme:run_advance": post_only(FACILITATORS, 302),
    "programme:attendance": page(FACILITATORS),
    "programme:minutes": page(FACILITATORS),
    # submit_preparation: an SMV owner of an enrolled company taking part.
    "programme:preparation": post_only(OWNERS, 302),
    # --- Personal calendar and reminders (anyone with a role) ------------------------
    "programme:calendar": page(ROLE_HOLDERS),
    "programme:reminder_settings": page(ROLE_HOLDERS),
    # The feed URL is public; its secret token is the credential (README).
    "programme:calendar_feed": public(),
    # --- Meeting exercises (meetings 1, 2, 5, 6) -------------------------------------
    # Seeing: view_meeting. Moderating: manage_meeting (facilitators). Contributing:
    # participants only (a facilitator who is not enrolled moderates, does not write).
    "programme:exercise_assumptions": page(ROLE_HOLDERS),
    "programme:assumptions_reveal": post_only(FACILITATORS, 302),
    "programme:assumption_review": post_only(FACILITATORS, 200),  # the form's errors
    "programme:assumption_remove": post_only(FACILITATORS, 302),
    "programme:exercise_dilemmas": page(ROLE_HOLDERS),
    "programme:dilemma_add": post_only(FACILITATORS, 200),
    "programme:dilemma_seed": post_only(FACILITATORS, 302),
    "programme:scenario_create": page(FACILITATORS),
    "programme:scenario_edit": page(FACILITATORS),
    "programme:exercise_recommendations": page(ROLE_HOLDERS),
    "programme:recommendations_pdf": page(ROLE_HOLDERS),
    "programme:recommendation_comment": post_only(PARTICIPANTS, 200),
    "programme:recommendation_endorse": post_only(PARTICIPANTS, 302),
    "programme:recommendation_publish": post_only(FACILITATORS, 302),
    "programme:recommendation_merge": page(FACILITATORS),
    "programme:exercise_evaluation": page(ROLE_HOLDERS),
    "programme:evaluation_close": post_only(FACILITATORS, 302),
    "programme:principle_add": post_only(FACILITATORS, 200),
    "programme:principle_delete": post_only(FACILITATORS, 302),
    # Drafting knowledge pages from meetings 5 and 6: manage_meeting and edit_page.
    "programme:knowledge_drafts": page(FACILITATORS),
    "programme:knowledge_drafts@evaluation": page(FACILITATORS),
    # --- Matching --------------------------------------------------------------------
    # matching/rules.py: the landing for anyone with a role; matching itself (weights,
    # pair rules, runs, withdrawals) for facilitators; a company profile for the
    # company's own SMV owners; an advisor profile for advisors of enrolled units.
    "matching:landing": page(ROLE_HOLDERS),
    "matching:programme": page(FACILITATORS),
    "matching:weights": post_only(FACILITATORS, 200),
    "matching:rule_add": post_only(FACILITATORS, 200),
    "matching:run_create": post_only(FACILITATORS, 200),
    "matching:company_profile": page(COMPANY_A),
    "matching:advisor_profile": page(ADVISORS),
    "matching:rule_remove": page(FACILITATORS),  # GET: the confirmation
    "matching:advisor_withdraw": page(FACILITATORS),  # GET: the confirmation
    "matching:run": page(FACILITATORS),
    "matching:run_override": post_only(FACILITATORS, 302),
    "matching:run_swap": post_only(FACILITATORS, 302),
    "matching:run_confirm": page(FACILITATORS),  # GET: the confirmation
    "matching:run_discard": page(FACILITATORS),  # GET: the confirmation
    "matching:run_csv": page(FACILITATORS),
    # --- Cases -----------------------------------------------------------------------
    # matching/case_rules.py: the case page for the company, its advisor and
    # facilitators (read only); working on it for the company and its advisor; notes
    # for the case's advisor only (never the company, never facilitators; a colleague
    # in the unit reads a shared note on the dashboard, but does not edit it).
    "matching:case_dashboard": page(ADVISORS),
    "matching:programme_cases": page(FACILITATORS),
    "matching:case_detail": page(CASE_VIEWERS),
    "matching:case_phase": post_only(CASE_PARTIES, 200),
    "matching:case_goal_add": post_only(CASE_PARTIES, 200),
    "matching:case_goal_edit": page(CASE_PARTIES),
    "matching:case_goal_status": post_only(CASE_PARTIES, 302),
    "matching:case_goal_move": post_only(CASE_PARTIES, 302),
    "matching:case_meeting_add": post_only(CASE_PARTIES, 200),
    "matching:case_meeting_edit": page(CASE_PARTIES),
    "matching:case_task_add": post_only(CASE_PARTIES, 200),
    "matching:case_task_edit": page(CASE_PARTIES),
    "matching:case_task_done": post_only(CASE_PARTIES, 302),
    "matching:case_input_save": post_only(CASE_PARTIES, 200),
    # A goal's page and thread (matching/goal_comments): read as the case page, written
    # by the case's parties (an empty comment is a 400); a comment is edited and
    # deleted by its author only (the owner's comment, the advisor's "@reply"), so the
    # other party gets 404 on it. GET of edit / delete: the form / the confirmation.
    "matching:case_goal_detail": page(CASE_VIEWERS),
    "matching:case_goal_comment": post_only(CASE_PARTIES, 400),
    "matching:case_goal_comment_reply": post_only(CASE_PARTIES, 400),
    "matching:case_goal_comment_edit": page(COMPANY_A),
    "matching:case_goal_comment_edit@reply": page((ADVISOR_A,)),
    "matching:case_goal_comment_delete": page(COMPANY_A),
    "matching:case_goal_comment_delete@reply": page((ADVISOR_A,)),
    "matching:case_note_add": post_only((ADVISOR_A,), 200),
    "matching:case_note_edit": page((ADVISOR_A,)),
    "matching:case_note_delete": page((ADVISOR_A,)),  # GET: the confirmation
    # --- The logbook: reading ----------------------------------------------------------
    # Only the company's people and, with the company's consent, its advisor and the
    # researchers read a logbook (logbook/rules.py can_read); everyone else gets 404.
    # Exports follow reading (export_logbook = can_read).
    "logbook:landing": page(ROLE_HOLDERS),
    "logbook:detail": page(LOGBOOK_READERS),
    "logbook:entry_detail": page(LOGBOOK_READERS),
    "logbook:entry_history": page(LOGBOOK_READERS),
    "logbook:entry_version": page(LOGBOOK_READERS),
    "logbook:readiness": page(LOGBOOK_READERS),
    "logbook:critical_situations": page(LOGBOOK_READERS),
    "logbook:change_logics": page(LOGBOOK_READERS),
    "logbook:change_logic": page(LOGBOOK_READERS),
    "logbook:export": page(LOGBOOK_READERS),
    "logbook:export_status": page(LOGBOOK_READERS),
    "logbook:export_download": page(LOGBOOK_READERS),
    "logbook:export_csv": page(LOGBOOK_READERS),
    "logbook:export_json": page(LOGBOOK_READERS),
    # An entry's thread (logbook/comments): the company and its consented advisor
    # comment and reply (comment_entry; researchers only read); an empty one is a 400.
    # A comment is edited and deleted by its author only (the advisor's comment, the
    # owner's "@reply"): the other side gets 404 on it. GET: the form / confirmation.
    "logbook:entry_comment": post_only((OWNER_A, ADVISOR_A), 400),
    "logbook:entry_comment_reply": post_only((OWNER_A, ADVISOR_A), 400),
    "logbook:entry_comment_edit": page((ADVISOR_A,)),
    "logbook:entry_comment_edit@reply": page(COMPANY_A),
    "logbook:entry_comment_delete": page((ADVISOR_A,)),
    "logbook:entry_comment_delete@reply": page(COMPANY_A),
    # --- The logbook: writing, consent, the access log (the company only) ------------
    "logbook:entry_create": page(COMPANY_A),
    "logbook:entry_edit": page(COMPANY_A),
    "logbook:entry_delete": page(COMPANY_A),  # GET: the confirmation
    "logbook:entries_deleted": page(COMPANY_A),
    "logbook:entry_autosave": post_only(COMPANY_A, 200),  # JSON
    "logbook:entry_draft_discard": post_only(COMPANY_A, 302),
    "logbook:entry_undelete": post_only(COMPANY_A, 302),
    "logbook:entry_version_restore": post_only(COMPANY_A, 302),
    "logbook:critical_situation_edit": page(COMPANY_A),
    "logbook:critical_situation_delete": page(COMPANY_A),  # GET: the confirmation
    "logbook:consent": page(COMPANY_A),
    "logbook:access_log": page(COMPANY_A),
    "logbook:access_log_csv": page(COMPANY_A),
    # The pseudonymised research dataset of the consented logbooks: facilitators.
    "logbook:research_dataset": page(FACILITATORS),
    # Drafting a case page reads the logbook: facilitators, with the research consent.
    "logbook:case_page_create": page((FACILITATOR, FACILITATOR_OTHER)),
    **MATRIX_ADVFLOW,  # advice requests and courses (matrix_advice_advflow.py)
    **MATRIX_ADVICE_ADVCAT,
    **MATRIX_ERRORS,  # the privacy notice and the help page (matrix_errors.py)
    **MATRIX_ORGS,  # editing organisations, members, resending, restarting (matrix_orgs.py)
    **MATRIX_EDITORS,  # revision changes, a recommendation's wording (matrix_editors.py)
    **MATRIX_EXPORTS,  # the XLSX twins and the evaluation's files (matrix_exports.py)
    **MATRIX_PEOPLE,  # privacy check, access-log XLSX (matrix_people.py)
}

__all__ = [
    "ADVISORS",
    "ADVISOR_A",
    "ADVISOR_OTHER",
    "ANONYMOUS",
    "Answer",
    "CASE_PARTIES",
    "CASE_VIEWERS",
    "COMPANY_A",
    "FACILITATOR",
    "FACILITATORS",
    "FACILITATOR_NO_CONSENT",
    "FACILITATOR_OTHER",
    "Finding",
    "KNOWN_FINDINGS",
    "LOGBOOK_READERS",
    "LOGIN",
    "MARKERS",
    "MATRIX",
    "Marker",
    "OWNERS",
    "OWNER_A",
    "OWNER_B",
    "PARTICIPANTS",
    "Proof",
    "ROLES",
    "ROLE_HOLDERS",
    "Row",
    "STAFF",
    "SUBJECT",
    "SUPERUSER",
    "UNIT_COLLEAGUE",
    "allauth",
    "everyone",
    "only",
    "page",
    "post_only",
    "public",
    "signed_in",
    "subject_of",
]
