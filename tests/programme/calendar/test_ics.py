"""Calendar files: the names of single-meeting .ics downloads."""

from programme.calendar.ics import ics_filename


def test_ics_filename_spells_out_danish_letters():
    assert ics_filename("Opstartsmøde for virksomheder") == "opstartsmoede-for-virksomheder.ics"
    assert ics_filename("Møde 2: Æbler & Årstider") == "moede-2-aebler-aarstider.ics"
    assert ics_filename("???") == "meeting.ics"
