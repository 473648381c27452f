"""A company's logbook is made when the company is enrolled in a programme.

Enrolment belongs to `programme`, which may not import `logbook` (apps point one
way), so the logbook listens to the enrolment being saved; `LogbookConfig.ready()`
connects the receiver. Re-enrolling finds the logbook made before.
"""

from bifrost.accounts.models import Organisation
from logbook.logbooks import services
from programme.models import Enrolment


def logbook_for_enrolment(sender, instance: Enrolment, raw: bool = False, **kwargs) -> None:
    """`post_save` of an Enrolment: an active company enrolment gets its logbook."""
    if raw or instance.left_at is not None:
        return  # loading fixtures, or the company has left
    if instance.organisation.kind != Organisation.Kind.COMPANY:
        return
    services.logbook_ensure(programme=instance.programme, company=instance.organisation)
