"""Reads for programmes and their enrolments (a fixed number of queries each)."""

from typing import Any

from django.db.models import QuerySet

from bifrost.accounts.models import Membership, Organisation, Role
from bifrost.core.queries import count_of
from programme.models import AgendaItem, Attendance, Enrolment, PreparationStatus, Programme


def programmes_by_date() -> QuerySet[Programme]:
    """Every programme, the latest first (narrow it with `rules.programmes_visible`)."""
    return Programme.objects.order_by("-starts_on")


def active_enrolments(programme: Programme) -> QuerySet[Enrolment]:
    return programme.enrolments.filter(left_at__isnull=True).select_related("organisation")


def member_enrolments(user: Any, *, programme: Any) -> QuerySet[Enrolment]:
    """The active enrolments of `programme` through an organisation `user` is a member of.

    `user` and `programme` may be objects, ids or expressions (`OuterRef`), so the
    same condition serves "the programmes of this person" and "the people of this
    programme" (see `programme.meetings.selectors.participant_enrolments`).
    """
    return Enrolment.objects.filter(
        programme=programme, left_at__isnull=True, organisation__memberships__user=user
    )


def represented_enrolments(user: Any, *, programme: Any = None) -> QuerySet[Enrolment]:
    """The active enrolments of `programme` (of every programme when None) of companies
    `user` represents (as SMV owner).

    One filter call, so the user and the role are matched on the same membership.
    """
    enrolments = Enrolment.objects.filter(
        left_at__isnull=True,
        organisation__kind=Organisation.Kind.COMPANY,
        organisation__memberships__user=user,
        organisation__memberships__role=Role.SMV_OWNER,
    )
    return enrolments if programme is None else enrolments.filter(programme=programme)


def companies_in(programme: Programme) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        kind=Organisation.Kind.COMPANY,
        enrolments__programme=programme,
        enrolments__left_at__isnull=True,
    ).order_by("name")


def companies_represented(user: Any, programme: Programme) -> list[Organisation]:
    """The enrolled companies a person represents (as SMV owner) in the programme."""
    return list(companies_in(programme).filter(pk__in=user_company_ids(user)))


def user_company_ids(user: Any) -> set[int]:
    """The companies the person is an SMV owner of, enrolled anywhere or not."""
    return set(
        Membership.objects.filter(
            user=user, role=Role.SMV_OWNER, organisation__kind=Organisation.Kind.COMPANY
        ).values_list("organisation_id", flat=True)
    )


def programme_overview(programme: Programme) -> dict[str, Any]:
    """Timeline, attendance and preparation per company, in a fixed number of queries."""
    meetings = list(
        programme.meetings.annotate(
            attendance_present=count_of(Attendance.objects.filter(present=True), "meeting"),
            preparations_done=count_of(
                PreparationStatus.objects.filter(
                    done_at__isnull=False,
                    organisation_id__in=Enrolment.objects.filter(
                        programme=programme, left_at__isnull=True
                    ).values("organisation_id"),
                ),
                "meeting",
            ),
            agenda_count=count_of(AgendaItem.objects.all(), "meeting"),
        ).order_by("starts_at", "number")
    )
    companies = list(companies_in(programme))
    done = set(
        PreparationStatus.objects.filter(
            meeting__programme=programme, done_at__isnull=False
        ).values_list("meeting_id", "organisation_id")
    )
    preparation_grid = [
        (company, [(meeting, (meeting.pk, company.pk) in done) for meeting in meetings])
        for company in companies
    ]
    return {
        "meetings": meetings,
        "companies": companies,
        "preparation_grid": preparation_grid,
        "enrolments": list(active_enrolments(programme).order_by("organisation__name")),
    }
