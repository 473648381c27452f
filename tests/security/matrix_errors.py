"""The permission matrix's rows for the privacy notice and the help page
(bifrost/accounts/privacy, bifrost/accounts/help): public, like the knowledge
site, so a person who cannot log in can still read who to write to."""

from tests.security.matrix_roles import Row, public

MATRIX_ERRORS: dict[str, Row] = {
    "accounts:privacy": public(),
    "help": public(),
}
