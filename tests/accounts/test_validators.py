import pytest
from django.core.exceptions import ValidationError

from bifrost.accounts.validators import cvr_checksum_ok, validate_cvr


@pytest.mark.parametrize("cvr", ["10000009", "11234569", "17407406"])
def test_valid_cvr_numbers_pass(cvr):
    validate_cvr(cvr)
    assert cvr_checksum_ok(cvr)


@pytest.mark.parametrize(
    ("cvr", "code"),
    [
        ("11234568", "cvr_checksum"),  # one digit off
        ("1234567", "cvr_format"),  # too short
        ("123456789", "cvr_format"),  # too long
        ("1123456a", "cvr_format"),  # letter
        ("1123 456", "cvr_format"),  # space inside
        ("00000000", "cvr_checksum"),  # sums to 0 but CVR never starts with 0
    ],
)
def test_invalid_cvr_numbers_are_rejected_with_a_reason(cvr, code):
    with pytest.raises(ValidationError) as excinfo:
        validate_cvr(cvr)
    assert excinfo.value.code == code


def test_checksum_uses_the_official_weights():
    """2,7,6,5,4,3,2,1 weighted sum of 11234569 = 2+7+12+15+16+15+12+9 = 88 = 8*11."""
    assert cvr_checksum_ok("11234569")
    assert not cvr_checksum_ok("11234596")
