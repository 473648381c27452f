"""The privacy guard warns about CPR numbers, staff names and first names alone."""

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
    assert privacy.named_staff("Mette alene", staff) == []


def test_a_first_name_alone_from_the_staff_list_warns(english):
    """ "Mette" for "Mette Hansen": a capitalised whole word, listed once."""
    staff = "Mette Hansen\nPer Olsen\nAnne-Marie Holm\nBo"
    messages = privacy.warnings("Mette var syg. Mette kom igen.", staff)
    assert len(messages) == 1
    assert "first name" in messages[0] and "(Mette)" in messages[0]
    assert privacy.named_first_names("Per var træt", staff) == ["Per"]
    assert privacy.named_first_names("Mettes opgaver", staff) == ["Mette"]
    assert privacy.named_first_names("Anne-Marie og Anne", staff) == ["Anne-Marie"]


def test_a_first_name_does_not_warn_inside_a_word_in_lower_case_or_with_the_full_name():
    staff = "Per Olsen\nMette Hansen"
    assert privacy.named_first_names("to gange per uge", staff) == []
    assert privacy.named_first_names("Perspektivet og Mettelund", staff) == []
    assert privacy.named_first_names("Mette Hansen har ferie", staff) == []
    assert len(privacy.warnings("Mette Hansen har ferie", staff)) == 1  # the full name


def test_a_single_word_name_is_not_a_first_name():
    assert privacy.named_first_names("Bo kom", "Bo") == []


def test_warning_names_the_matched_staff_names_and_both_kinds_combine():
    messages = privacy.warnings("Bo har cpr 010190-1234", "Bo\nAnne")
    assert len(messages) == 2
    assert "Bo" in messages[1]
    assert "Anne" not in messages[1]


def test_empty_input():
    assert privacy.warnings("", "") == []
    assert privacy.warnings(None, None) == []
