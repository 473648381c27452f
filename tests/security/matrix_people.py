"""The permission matrix's rows for the "people and sensitive words" URLs: the privacy
guard's live check and the access log's XLSX export (logbook/entries, logbook/access).

Both are the company's own people only (they write the logbook and read its access
log): a staff list is never matched for anyone else. Everyone else: 404.
"""

from tests.security.matrix_roles import COMPANY_A, Row, page, post_only

MATRIX_PEOPLE: dict[str, Row] = {
    "logbook:privacy_check": post_only(COMPANY_A, 200),  # JSON
    "logbook:access_log_xlsx": page(COMPANY_A),
}

URL_OBJECTS_PEOPLE: dict[str, dict[str, str]] = {
    "logbook:privacy_check": {"pk": "logbook"},
    "logbook:access_log_xlsx": {"pk": "logbook"},
}
