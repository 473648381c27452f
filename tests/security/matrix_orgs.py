"""The permission matrix's rows for managing organisations (bifrost/accounts/
organisations and invitations rules.py) and for the meeting day's restart step
(programme/meetings rules.py), with the URL objects they take (world_orgs.py).

Editing an organisation, removing a member and sending an invitation again are the
facilitators' (`is_facilitator`), like creating and inviting; a member of the
organisation gets 404 like everybody else. Restarting a meeting is running it:
facilitators (`programme.manage_meeting`).
"""

from tests.security.matrix_roles import FACILITATORS, Row, page, post_only

MATRIX_ORGS: dict[str, Row] = {
    "organisation_edit": page(FACILITATORS),
    "membership_remove": page(FACILITATORS),  # GET: the confirmation
    # The world's invitation was just sent: a facilitator is told to wait (302 back).
    "invitation_resend": post_only(FACILITATORS, 302),
    "programme:run_restart": page(FACILITATORS),  # GET: the confirmation
}

URL_OBJECTS_ORGS: dict[str, dict[str, str]] = {
    "organisation_edit": {"pk": "company"},
    "membership_remove": {"pk": "orgs_membership"},
    "invitation_resend": {"pk": "invitation"},
    "programme:run_restart": {"pk": "meeting"},
}
