"""The permission matrix's rows for the knowledge editor's revision changes
(knowledge/editor) and the facilitator's change of a recommendation's wording
(programme/exercises/recommendations), with the URL objects they take.

Both are the editors' and facilitators' alone; everyone else gets 404. The
wording row uses the unpublished recommendation (GET: the form).
"""

from tests.security.matrix_roles import FACILITATORS, Row, page

MATRIX_EDITORS: dict[str, Row] = {
    "knowledge:editor_revision_changes": page(FACILITATORS),
    "programme:recommendation_edit": page(FACILITATORS),
}

URL_OBJECTS_EDITORS: dict[str, dict[str, str]] = {
    "knowledge:editor_revision_changes": {"pk": "page", "revision_pk": "revision"},
    "programme:recommendation_edit": {"pk": "other_recommendation"},
}
