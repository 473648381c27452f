"""The advice offer's notifications: one per state change, to the people it concerns.

Titles name the workplace and the provider only, never what the parties wrote about
their situation or goals. Registered in `advice.apps.AdviceConfig.ready`.
"""

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from advice.models import AdviceRequest, Course
from bifrost.accounts.models import Membership, User
from bifrost.core.notifications.services import notify

TO_CONFIRM = "advice_request_to_confirm"
QUEUED = "advice_request_queued"
DECIDED = "advice_request_decided"
WITHDRAWN = "advice_request_withdrawn"
EXPIRED = "advice_request_expired"
STEP_DONE = "advice_course_step_done"

KINDS = [
    (TO_CONFIRM, _("A course request waits for your confirmation")),
    (QUEUED, _("A course request is confirmed by both parties and in a provider's queue")),
    (DECIDED, _("A provider accepted or declined a course request")),
    (WITHDRAWN, _("A course request is withdrawn")),
    (EXPIRED, _("A course request expired unconfirmed")),
    (STEP_DONE, _("A step of a course is marked done")),
]


def register() -> None:
    from bifrost.core.notifications.kinds import register_kind

    for key, label in KINDS:
        register_kind(key, label)


def _link(advice_request: AdviceRequest) -> str:
    return reverse("advice:request_detail", args=[advice_request.pk])


def provider_people(advice_request: AdviceRequest) -> list[User]:
    if advice_request.provider is None:
        return []
    return [
        m.user
        for m in Membership.objects.filter(
            organisation_id=advice_request.provider.organisation_id
        ).select_related("user")
    ]


def parties(advice_request: AdviceRequest) -> list[User]:
    return [u for u in (advice_request.leader, advice_request.representative) if u is not None]


def _send(
    advice_request: AdviceRequest,
    *,
    kind: str,
    recipients: Iterable[User],
    cause: str,
    title,
    by: User | None = None,
    link: str | None = None,
) -> None:
    notify(
        kind=kind,
        recipients=list(recipients),
        exclude=[by] if by is not None else [],
        link=link or _link(advice_request),
        cause=cause,
        title_template=title,
        context={
            "workplace": advice_request.workplace_name,
            "provider": advice_request.provider.name if advice_request.provider else "",
        },
    )


def to_confirm(advice_request: AdviceRequest, *, representative: User, event: int) -> None:
    _send(
        advice_request,
        kind=TO_CONFIRM,
        recipients=[representative],
        cause=f"advice-to-confirm:{event}",
        title=_("%(workplace)s: a course request with %(provider)s waits for your confirmation"),
        link=reverse("advice:my_requests"),
    )


def queued(advice_request: AdviceRequest, *, event: int, redirected: bool = False) -> None:
    _send(
        advice_request,
        kind=QUEUED,
        recipients=[*parties(advice_request), *provider_people(advice_request)],
        cause=f"advice-queued:{event}",
        title=_("%(workplace)s: the course request is in the queue of %(provider)s")
        if not redirected
        else _("%(workplace)s: the course request was sent on to %(provider)s"),
    )


def decided(advice_request: AdviceRequest, *, event: int, by: User, accepted: bool) -> None:
    _send(
        advice_request,
        kind=DECIDED,
        recipients=[*parties(advice_request), *provider_people(advice_request)],
        by=by,
        cause=f"advice-decided:{event}",
        title=_("%(provider)s accepted the course request of %(workplace)s")
        if accepted
        else _("%(provider)s declined the course request of %(workplace)s"),
    )


def withdrawn(
    advice_request: AdviceRequest,
    *,
    event: int,
    by: User,
    was_queued: bool,
    also: Iterable[User] = (),
) -> None:
    people = [*parties(advice_request), *also]
    if was_queued:
        people += provider_people(advice_request)
    _send(
        advice_request,
        kind=WITHDRAWN,
        recipients=people,
        by=by,
        cause=f"advice-withdrawn:{event}",
        title=_("%(workplace)s: the course request with %(provider)s was withdrawn"),
    )


def expired(advice_request: AdviceRequest, *, event: int) -> None:
    _send(
        advice_request,
        kind=EXPIRED,
        recipients=parties(advice_request),
        cause=f"advice-expired:{event}",
        title=_(
            "%(workplace)s: the course request expired without the representative's confirmation"
        ),
    )


def step_done(course: Course, *, event: int, by: User) -> None:
    advice_request = course.request
    _send(
        advice_request,
        kind=STEP_DONE,
        recipients=[*parties(advice_request), *provider_people(advice_request)],
        by=by,
        cause=f"advice-step-done:{event}",
        title=_("%(workplace)s: a step of the course with %(provider)s is done"),
        link=reverse("advice:course_detail", args=[course.pk]),
    )
