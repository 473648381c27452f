"""The privacy guard warns about CPR numbers and staff names, and never blocks a save."""

import pytest

from logbook.entries import privacy


@pytest.mark.parametrize(
    "text",
    [
        "Hans cpr er 010190-1234 så vidt jeg ved",
        "nummer 3112991234 i journalen",
        "150582 1234",
        "Slutter med 010190-1234",
    ],
)
def test_cpr_numbers_warn(text):
    """A dashed CPR number or ten digits starting with a real date give a warning."""
    messages = privacy.warnings(text, "")
    assert len(messages) == 1
    assert "CPR" in messages[0]


@pytest.mark.parametrize(
    "text",
    [
        "Telefon 12345678 og 1234567890",  # 12/34 is no date
        "Ordrenummer 320199-1234",  # day 32
        "Vi mødes 01.01.2028 kl. 10",
        "Konto 3102991234",  # 31 February
        "Et langt tal 01019012345",  # eleven digits
    ],
)
def test_other_numbers_do_not_warn(text):
    assert privacy.warnings(text, "") == []


def test_staff_name_warns_whole_word_any_case():
    """A name from the staff list warns, whatever its case, but not inside another word."""
    staff = "Mette Hansen\n  Bo \n\n"
    assert privacy.warnings("Vi talte med mette  hansen i dag.", staff)
    assert privacy.warnings("BO var syg", staff)
    assert privacy.warnings("Bopælspligt og bonus", staff) == []
    assert privacy.warnings("Mette alene", staff) == []


def test_warning_names_the_matched_staff_names_and_both_kinds_combine():
    messages = privacy.warnings("Bo har cpr 010190-1234", "Bo\nAnne")
    assert len(messages) == 2
    assert "Bo" in messages[1]
    assert "Anne" not in messages[1]


def test_empty_input():
    assert privacy.warnings("", "") == []
    assert privacy.warnings(None, None) == []
