"""Which world object each URL keyword of a matrix key takes (its pk, slug or token)."""

from tests.security.matrix_advice_advcat import URL_OBJECTS_ADVICE_ADVCAT
from tests.security.matrix_advice_advflow import URL_OBJECTS_ADVFLOW
from tests.security.matrix_editors import URL_OBJECTS_EDITORS
from tests.security.matrix_exports import URL_OBJECTS_EXPORTS
from tests.security.matrix_orgs import URL_OBJECTS_ORGS
from tests.security.matrix_people import URL_OBJECTS_PEOPLE

# URL keyword → name of the world object (its pk, slug or token), per matrix key.
# A URL whose pattern takes arguments needs an entry; the objects are looked up for
# the role's subject company, so the same key gives A's or B's objects.
URL_OBJECTS: dict[str, dict[str, str]] = {
    # accounts
    "organisation_detail": {"pk": "company"},
    "invitation_create": {"pk": "company"},
    "invitation_revoke": {"pk": "invitation"},
    "invitation_accept": {"token": "invitation_token"},
    # allauth
    "account_confirm_email": {"key": "email_confirmation_key"},
    "account_reset_password_from_key": {"uidb36": "reset_uidb36", "key": "reset_key"},
    # knowledge
    "knowledge:section": {"section": "section"},
    "knowledge:section_pdf": {"section": "section"},
    "knowledge:page": {"section": "section", "slug": "page_slug"},
    "knowledge:editor_edit": {"pk": "page"},
    "knowledge:editor_publish": {"pk": "draft_page"},
    "knowledge:editor_unpublish": {"pk": "page"},
    "knowledge:editor_revisions": {"pk": "page"},
    "knowledge:editor_restore": {"pk": "page", "revision_pk": "revision"},
    **{
        f"knowledge:{name}": {"pk": "case_approval"}
        for name in (
            "case_approval",
            "case_approval_send",
            "case_approval_approve",
            "case_approval_withdraw",
            "case_approval_suggest",
        )
    },
    # programme
    "programme:programme_detail": {"pk": "programme"},
    "programme:programme_edit": {"pk": "programme"},
    "programme:enrolments": {"pk": "programme"},
    "programme:enrolment_end": {"pk": "enrolment"},
    **{
        f"programme:{name}": {"pk": "meeting"}
        for name in (
            "meeting",
            "meeting_edit",
            "meeting_cancel",
            "agenda",
            "agenda_item_create",
            "agenda_reorder",
            "run",
            "run_advance",
            "run_panel",
            "live",
            "live_current",
            "attendance",
            "minutes",
            "preparation",
            "meeting_ics",
            "agenda_pdf",
            "exercise_dilemmas",
            "dilemma_add",
            "dilemma_seed",
        )
    },
    "programme:meeting@kickoff": {"pk": "kickoff"},
    "programme:meeting_ics@kickoff": {"pk": "kickoff"},
    "programme:live@kickoff": {"pk": "kickoff"},
    **{
        f"programme:{name}": {"pk": "agenda_item"}
        for name in (
            "agenda_item_edit",
            "agenda_item_delete",
            "agenda_item_move",
            "agenda_item_notes",
            "agenda_item_material",
        )
    },
    "programme:agenda_pdf_status": {"pk": "agenda_export"},
    "programme:agenda_pdf_download": {"pk": "agenda_export"},
    "programme:calendar_feed": {"token": "calendar_token"},
    "programme:exercise_assumptions": {"pk": "meeting_1"},
    "programme:assumptions_reveal": {"pk": "meeting_1"},
    "programme:assumption_review": {"pk": "assumption"},
    "programme:assumption_remove": {"pk": "assumption"},
    "programme:scenario_create": {"pk": "meeting", "choice_pk": "dilemma_choice"},
    "programme:scenario_edit": {"pk": "scenario"},
    "programme:exercise_recommendations": {"pk": "meeting_5"},
    "programme:recommendations_pdf": {"pk": "meeting_5"},
    "programme:recommendation_comment": {"pk": "recommendation"},
    "programme:recommendation_endorse": {"pk": "recommendation"},
    "programme:recommendation_publish": {"pk": "recommendation"},
    "programme:recommendation_merge": {"pk": "other_recommendation"},
    "programme:exercise_evaluation": {"pk": "meeting_6"},
    "programme:evaluation_close": {"pk": "meeting_6"},
    "programme:principle_add": {"pk": "meeting_6"},
    "programme:principle_delete": {"pk": "principle"},
    "programme:knowledge_drafts": {"pk": "meeting_5"},
    "programme:knowledge_drafts@evaluation": {"pk": "meeting_6"},
    # matching
    **{
        f"matching:{name}": {"pk": "programme"}
        for name in (
            "programme",
            "weights",
            "rule_add",
            "run_create",
            "advisor_profile",
            "programme_cases",
        )
    },
    "matching:company_profile": {"pk": "programme", "company_pk": "company"},
    "matching:rule_remove": {"pk": "pair_rule"},
    "matching:advisor_withdraw": {"pk": "advisor_profile"},
    **{
        f"matching:{name}": {"pk": "draft_run"}
        for name in ("run", "run_override", "run_swap", "run_confirm", "run_discard", "run_csv")
    },
    **{
        f"matching:{name}": {"pk": "case"}
        for name in (
            "case_detail",
            "case_phase",
            "case_goal_add",
            "case_meeting_add",
            "case_task_add",
            "case_input_save",
            "case_note_add",
        )
    },
    **{
        f"matching:{name}": {"pk": "case", "goal_pk": "goal"}
        for name in ("case_goal_edit", "case_goal_status", "case_goal_move")
    },
    **{
        f"matching:{name}": {"pk": "case", "goal_pk": "goal"}
        for name in ("case_goal_detail", "case_goal_comment")
    },
    # The goal's thread: the owner's comment; "@reply" the advisor's reply to it.
    **{
        f"matching:case_goal_comment_{action}": {
            "pk": "case",
            "goal_pk": "goal",
            "comment_pk": "goal_comment",
        }
        for action in ("reply", "edit", "delete")
    },
    **{
        f"matching:case_goal_comment_{action}@reply": {
            "pk": "case",
            "goal_pk": "goal",
            "comment_pk": "goal_reply",
        }
        for action in ("edit", "delete")
    },
    "matching:case_meeting_edit": {"pk": "case", "meeting_pk": "case_meeting"},
    "matching:case_task_edit": {"pk": "case", "task_pk": "task"},
    "matching:case_task_done": {"pk": "case", "task_pk": "task"},
    "matching:case_note_edit": {"pk": "case", "note_pk": "shared_note"},
    "matching:case_note_delete": {"pk": "case", "note_pk": "shared_note"},
    # logbook
    **{
        f"logbook:{name}": {"pk": "logbook"}
        for name in (
            "detail",
            "entry_create",
            "entry_autosave",
            "entry_draft_discard",
            "entries_deleted",
            "consent",
            "access_log",
            "access_log_csv",
            "readiness",
            "critical_situations",
            "change_logics",
            "export",
            "export_csv",
            "export_json",
        )
    },
    **{
        f"logbook:{name}": {"pk": "logbook", "entry_pk": "entry"}
        for name in ("entry_detail", "entry_edit", "entry_delete", "entry_comment", "entry_history")
    },
    # The entry's thread: the advisor's comment; "@reply" the owner's reply to it.
    **{
        f"logbook:entry_comment_{action}": {
            "pk": "logbook",
            "entry_pk": "entry",
            "comment_pk": "entry_comment",
        }
        for action in ("reply", "edit", "delete")
    },
    **{
        f"logbook:entry_comment_{action}@reply": {
            "pk": "logbook",
            "entry_pk": "entry",
            "comment_pk": "entry_reply",
        }
        for action in ("edit", "delete")
    },
    "logbook:entry_undelete": {"pk": "logbook", "entry_pk": "deleted_entry"},
    "logbook:entry_version": {"pk": "logbook", "entry_pk": "entry", "number": "old_version"},
    "logbook:entry_version_restore": {
        "pk": "logbook",
        "entry_pk": "entry",
        "number": "old_version",
    },
    "logbook:critical_situation_edit": {"pk": "logbook", "situation_pk": "critical_situation"},
    "logbook:critical_situation_delete": {"pk": "logbook", "situation_pk": "critical_situation"},
    "logbook:change_logic": {"pk": "logbook", "entry_pk": "initiative"},
    "logbook:export_status": {"pk": "logbook", "export_pk": "logbook_export"},
    "logbook:export_download": {"pk": "logbook", "export_pk": "logbook_export"},
    "logbook:research_dataset": {"pk": "programme"},
    "logbook:case_page_create": {"pk": "logbook"},
    # core: the subject company's owner's notification
    "core:notification_read": {"pk": "notification"},
    "core:notification_open": {"pk": "notification"},
    **URL_OBJECTS_ADVFLOW,
    **URL_OBJECTS_ADVICE_ADVCAT,
    **URL_OBJECTS_ORGS,
    **URL_OBJECTS_EDITORS,
    **URL_OBJECTS_EXPORTS,
    **URL_OBJECTS_PEOPLE,
}
