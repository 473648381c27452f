"""How a person is named on a page, and the pseudonym of one who deleted their account.

Company data outlives the account of the person who wrote it (a logbook entry, a
goal, a version): the row stays and its link to the person becomes NULL. Every
page and export names such a row's author with `FORMER_USER`, never with a blank
or a dash, so a reader sees that someone wrote it who is no longer here.
"""

from django.utils.translation import gettext_lazy as _

#: The pseudonym of a person who deleted their account ("Tidligere bruger").
FORMER_USER = _("Former user")


def display_name(user) -> str:
    """The person's name (their e-mail address if they gave none), or the pseudonym."""
    if user is None:
        return str(FORMER_USER)
    return user.get_full_name() or user.email
