"""The permission matrix's rows for the advice request flow and courses (advice/requests
and advice/courses rules.py), with the URL objects they take (world_advice_advflow.py).

The leader of every request is company A's owner; the provider is A's advisor's unit
(the advisor and the unit colleague are its people); facilitators are the offer's
administrators and read everything but files; the representative holds no role here
(tests/advice/requests cover them). Everyone else: 404.
"""

from tests.security.matrix_roles import (
    ADVISOR_A,
    ANONYMOUS,
    FACILITATORS,
    OWNER_A,
    UNIT_COLLEAGUE,
    Row,
    everyone,
    page,
    post_only,
    public,
    signed_in,
)

PROVIDER_PEOPLE = (ADVISOR_A, UNIT_COLLEAGUE)
COURSE_PEOPLE = (OWNER_A, *PROVIDER_PEOPLE)

MATRIX_ADVFLOW: dict[str, Row] = {
    # The catalogue's "Request a course": anyone may start; a signed-in person is sent
    # on to the form. The sign-up page opens allauth's sign-up for this session.
    "advice:request_start": Row(get={**everyone(302), ANONYMOUS: 200}),
    "advice:leader_signup": public(302),
    "advice:my_requests": Row(get=signed_in(200)),
    "advice:request_create": Row(get=signed_in(200)),
    # A queued request: the parties, the provider's people, facilitators.
    "advice:request_detail": page((*COURSE_PEOPLE, *FACILITATORS)),
    # A draft: only its leader changes or deletes it (GET: the form / the confirmation).
    "advice:request_edit": page((OWNER_A,)),
    "advice:request_delete": page((OWNER_A,)),
    "advice:request_reinvite": post_only((OWNER_A,), 302),
    "advice:request_withdraw": page((OWNER_A,)),
    "advice:request_redirect": page((OWNER_A,)),
    "advice:request_accept": page(PROVIDER_PEOPLE),
    "advice:request_decline": page(PROVIDER_PEOPLE),
    # The representative's link: the token is the credential, but only the invited
    # address may answer it: the leader and everyone else signed in get "unusable".
    "advice:request_confirm": Row(get={**everyone(410), ANONYMOUS: 200}),
    "advice:provider_queue": page((*PROVIDER_PEOPLE, *FACILITATORS)),
    "advice:provider_capacity": page(PROVIDER_PEOPLE),
    "advice:provider_capacity_delete": post_only(PROVIDER_PEOPLE, 302),
    "advice:course_detail": page((*COURSE_PEOPLE, *FACILITATORS)),
    # GET shows the course page with the form (only for who may change it).
    "advice:course_follow_up": page(COURSE_PEOPLE),
    "advice:course_file_upload": post_only(COURSE_PEOPLE, 400),
    "advice:course_complete": post_only(COURSE_PEOPLE, 302),  # without the tick: no change
    "advice:course_step_toggle": post_only(COURSE_PEOPLE, 302),
    "advice:course_file_download": page(COURSE_PEOPLE),
}

URL_OBJECTS_ADVFLOW: dict[str, dict[str, str]] = {
    "advice:request_detail": {"pk": "advflow_queued"},
    "advice:request_edit": {"pk": "advflow_draft"},
    "advice:request_delete": {"pk": "advflow_draft"},
    "advice:request_reinvite": {"pk": "advflow_reinvite"},
    "advice:request_withdraw": {"pk": "advflow_queued"},
    "advice:request_redirect": {"pk": "advflow_declined"},
    "advice:request_accept": {"pk": "advflow_queued"},
    "advice:request_decline": {"pk": "advflow_queued"},
    "advice:request_confirm": {"token": "advflow_token"},
    "advice:provider_queue": {"slug": "advflow_provider"},
    "advice:provider_capacity": {"slug": "advflow_provider"},
    "advice:provider_capacity_delete": {"slug": "advflow_provider", "pk": "advflow_capacity"},
    "advice:course_detail": {"pk": "advflow_course"},
    "advice:course_follow_up": {"pk": "advflow_course"},
    "advice:course_file_upload": {"pk": "advflow_course"},
    "advice:course_complete": {"pk": "advflow_course"},
    "advice:course_step_toggle": {"pk": "advflow_step"},
    "advice:course_file_download": {"pk": "advflow_file"},
}
