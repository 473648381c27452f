"""The codes of the advice offer: request states, workplace kinds, representative roles,
and what the offer excludes. Fixed by the offer itself, so they are choices, not rows."""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

#: The representative has this long to confirm a request (from the invitation) ...
CONFIRM_WITHIN = timedelta(days=14)
#: ... and gets one reminder when this much of it has passed unconfirmed.
REMIND_AFTER = timedelta(days=5)


class RequestState(models.TextChoices):
    """Where a request is. The provider sees a request only from ``QUEUED`` on.

    draft → awaiting_representative → queued → accepted (a course) | declined;
    declined → queued again when the workplace picks another provider (the same
    request, a new place at the end of that provider's queue, see ``queue.py``);
    awaiting_representative → expired after ``CONFIRM_WITHIN``; any open state →
    withdrawn by either party, with a reason.
    """

    DRAFT = "draft", _("Draft")
    AWAITING_REPRESENTATIVE = "awaiting_representative", _("Awaiting the representative")
    QUEUED = "queued", _("Confirmed, in the provider's queue")
    ACCEPTED = "accepted", _("Accepted: a course")
    DECLINED = "declined", _("Declined by the provider")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired unconfirmed")


#: States in which the request holds a place in its provider's queue (or held one).
HAS_QUEUE_PLACE = [RequestState.QUEUED, RequestState.ACCEPTED, RequestState.DECLINED]
#: States in which the request has no place in a queue.
NO_QUEUE_PLACE = [
    RequestState.DRAFT,
    RequestState.AWAITING_REPRESENTATIVE,
    RequestState.EXPIRED,
]
#: States either party may still withdraw from (a draft is deleted instead).
WITHDRAWABLE = [
    RequestState.AWAITING_REPRESENTATIVE,
    RequestState.QUEUED,
    RequestState.DECLINED,
]


class WorkplaceKind(models.TextChoices):
    """The kinds of regional workplace the offer names (for the form and the counts)."""

    HOSPITAL_WARD = "hospital_ward", _("Hospital ward or department")
    PSYCHIATRY = "psychiatry", _("Psychiatry")
    SOCIAL_INSTITUTION = "social_institution", _("Social or residential institution")
    ADMINISTRATION = "administration", _("Administration")
    SERVICE = "service", _("Technical service or service function")
    SUPPORT_FUNCTION = "support_function", _("Support function (e.g. purchasing, IT, building)")
    OTHER = "other", _("Other")


class RepresentativeRole(models.TextChoices):
    """Who may be the second local party: an elected representative."""

    EMPLOYEE_REPRESENTATIVE = "employee_rep", _("Employee representative (shop steward)")
    SAFETY_REPRESENTATIVE = "safety_rep", _("Safety representative")


class InspectorateOrder(models.TextChoices):
    """Does the request concern an order from the Working Environment Authority?

    Advice cannot be requested to follow up on an order until it has been complied
    with; once it has, the provider may take the task.
    """

    NONE = "none", _("No, there is no order about what we ask for help with")
    COMPLIED = "complied", _("Yes, and the order has been complied with")
    OPEN = "open", _("Yes, and the order has not yet been complied with")


class Exclusion(models.TextChoices):
    """What the offer never covers. The request form names each and refuses it."""

    INSPECTORATE_ORDER = (
        "inspectorate_order",
        _(
            "Follow-up on an order from the Working Environment Authority, "
            "until the order has been complied with"
        ),
    )
    CRISIS_HELP = "crisis_help", _("Crisis help")
    PERSONAL_SUPPORT = (
        "personal_support",
        _("Personal support to individual leaders or employees"),
    )


#: Why each exclusion is refused, for the form's error message.
EXCLUSION_MESSAGES = {
    Exclusion.INSPECTORATE_ORDER: _(
        "The offer cannot be used to follow up on an order from the Working Environment "
        "Authority until the order has been complied with. Once it has, you are welcome "
        "to request a course."
    ),
    Exclusion.CRISIS_HELP: _(
        "The offer does not cover crisis help. Contact your occupational health service "
        "or your organisation's crisis support."
    ),
    Exclusion.PERSONAL_SUPPORT: _(
        "The offer does not cover personal support to individual leaders or employees; "
        "it is for the workplace's shared work environment."
    ),
}


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class EventKind(models.TextChoices):
    """What happened to a request (the admin's waiting times and the audit trail)."""

    CREATED = "created", _("Started as a draft")
    SUBMITTED = "submitted", _("Sent by the leader; representative invited")
    REINVITED = "reinvited", _("Representative invited again")
    REMINDED = "reminded", _("Representative reminded")
    CONFIRMED = "confirmed", _("Confirmed by the representative; placed in the queue")
    ACCEPTED = "accepted", _("Accepted by the provider")
    DECLINED = "declined", _("Declined by the provider")
    REDIRECTED = "redirected", _("Sent to another provider")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired unconfirmed")
    STEP_DONE = "step_done", _("Course step marked done")
    COURSE_COMPLETED = "course_completed", _("Course completed")
    COURSE_CANCELLED = "course_cancelled", _("Course cancelled")
