"""The permission matrix's rows for the XLSX twins of the table exports and the
evaluation's results files (bifrost/core/spreadsheets.py), with their URL objects.

Each twin answers like the CSV it sits beside: the match run and the research
dataset for facilitators, the logbook table for who may export the logbook
(logbook/rules.py), the evaluation's results for who manages the meeting
(programme/exercises/rules.py MANAGE). Everyone else: 404.
"""

from tests.security.matrix_roles import FACILITATORS, LOGBOOK_READERS, Row, page

MATRIX_EXPORTS: dict[str, Row] = {
    "matching:run_xlsx": page(FACILITATORS),
    "logbook:export_xlsx": page(LOGBOOK_READERS),
    "logbook:research_dataset_xlsx": page(FACILITATORS),
    "programme:evaluation_csv": page(FACILITATORS),
    "programme:evaluation_xlsx": page(FACILITATORS),
}

URL_OBJECTS_EXPORTS: dict[str, dict[str, str]] = {
    "matching:run_xlsx": {"pk": "draft_run"},
    "logbook:export_xlsx": {"pk": "logbook"},
    "logbook:research_dataset_xlsx": {"pk": "programme"},
    "programme:evaluation_csv": {"pk": "meeting_6"},
    "programme:evaluation_xlsx": {"pk": "meeting_6"},
}
