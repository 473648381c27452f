"""Validators for Danish identifiers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Weights of the CVR modulus-11 check (Erhvervsstyrelsen).
CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def cvr_checksum_ok(cvr: str) -> bool:
    """True when an 8-digit CVR number passes the modulus-11 check."""
    if len(cvr) != 8 or not cvr.isdigit() or cvr[0] == "0":
        return False
    return sum(int(d) * w for d, w in zip(cvr, CVR_WEIGHTS, strict=True)) % 11 == 0


def validate_cvr(value: str) -> None:
    if len(value) != 8 or not value.isdigit():
        raise ValidationError(
            _("A CVR number is exactly 8 digits, without spaces."), code="cvr_format"
        )
    if value[0] == "0" or not cvr_checksum_ok(value):
        raise ValidationError(
            _("%(cvr)s is not a valid CVR number. Check the digits."),
            code="cvr_checksum",
            params={"cvr": value},
        )
