"""Spreadsheet cells that a spreadsheet program will not run.

A text cell starting with = + - @ (or a tab or carriage return, which some
programs strip before looking) is read as a formula by Excel and LibreOffice
("CSV injection"); such cells get a leading apostrophe. Numbers stay numbers.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
