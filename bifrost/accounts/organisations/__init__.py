"""Organisations in the programme (companies, advisory units, the facilitators'
organisation): the list, one organisation with its people, creating one."""
