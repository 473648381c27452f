"""The advice catalogue, editor and overview's rows of the permission matrix (merged
into `matrix.MATRIX` with one line). The catalogue is public (issue 13: "a public
catalogue on the site"); the editor and the overview are the offer's
administrators', the facilitators' (advice/editor/rules.py, advice/overview/rules.py)."""

from tests.security.matrix_roles import FACILITATORS, Row, page, post_only, public

FACILITATOR_PAGES = [
    "editor",
    "editor_round_create",
    "editor_round",
    "editor_theme_create",
    "editor_theme",
    "editor_theme_delete",  # GET: the confirmation
    "editor_provider_create",
    "editor_provider",
    "editor_contact_create",
    "editor_contact",
    "editor_contact_delete",
    "editor_step_create",
    "editor_step",
    "editor_step_delete",
    "editor_angle_create",
    "editor_angle",
    "editor_angle_delete",
    "editor_capacity_create",
    "editor_capacity",
    "editor_capacity_delete",
    "overview",
    "overview_counts",
    "overview_csv",
    "overview_xlsx",
]

MATRIX_ADVICE_ADVCAT: dict[str, Row] = {
    "advice:catalogue": public(),
    "advice:theme": public(),
    "advice:providers": public(),
    "advice:provider": public(),
    **{f"advice:{name}": page(FACILITATORS) for name in FACILITATOR_PAGES},
    # An empty POST publishes (or refuses with a message) and sends back: 302.
    "advice:editor_round_publish": post_only(FACILITATORS, 302),
    "advice:editor_provider_publish": post_only(FACILITATORS, 302),
    "advice:editor_theme_move": post_only(FACILITATORS, 302),
}

#: URL keyword → world object (tests/security/world_advice_advcat.py).
URL_OBJECTS_ADVICE_ADVCAT: dict[str, dict[str, str]] = {
    "advice:theme": {"slug": "advice_theme_slug"},
    "advice:provider": {"slug": "advice_provider_slug"},
    "advice:editor_round": {"pk": "advice_round"},
    "advice:editor_round_publish": {"pk": "advice_round"},
    "advice:editor_theme_create": {"pk": "advice_round"},
    "advice:editor_theme": {"pk": "advice_theme"},
    "advice:editor_theme_move": {"pk": "advice_theme"},
    "advice:editor_theme_delete": {"pk": "advice_theme"},
    "advice:editor_provider": {"pk": "advice_provider"},
    "advice:editor_provider_publish": {"pk": "advice_provider"},
    "advice:editor_contact_create": {"pk": "advice_provider"},
    "advice:editor_step_create": {"pk": "advice_provider"},
    "advice:editor_angle_create": {"pk": "advice_provider"},
    "advice:editor_capacity_create": {"pk": "advice_provider"},
    "advice:editor_contact": {"pk": "advice_contact"},
    "advice:editor_contact_delete": {"pk": "advice_contact"},
    "advice:editor_step": {"pk": "advice_step"},
    "advice:editor_step_delete": {"pk": "advice_step"},
    "advice:editor_angle": {"pk": "advice_angle"},
    "advice:editor_angle_delete": {"pk": "advice_angle"},
    "advice:editor_capacity": {"pk": "advice_capacity"},
    "advice:editor_capacity_delete": {"pk": "advice_capacity"},
}
