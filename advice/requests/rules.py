"""Who may see and act on advice requests, providers' queues and courses (django-rules).

Each rule is written once as a queryset filter (`QueryRule`); the permissions are made
of their predicates and the list pages use the same filters:

- `requests_of_parties`: the workplace's two local parties (the leader, and the
  representative once they have confirmed) see their own requests.
- `requests_for_provider`: members of the provider's organisation see the requests
  addressed to it, and only once both parties confirmed (queued or accepted).
- `requests_overseen`: facilitators (the offer's administrators) see every request,
  read-only.

Everyone else gets 404 (`advice_request_or_404`, `course_or_404`, ...). Courses and
their steps and files follow their request.
"""

import rules
from django.db.models import Q, QuerySet

from advice.models import (
    AdviceRequest,
    Course,
    CourseFile,
    CourseStep,
    Provider,
    RequestState,
)
from bifrost.accounts.models import Membership
from bifrost.accounts.rules import is_facilitator
from bifrost.core.access import object_or_404
from bifrost.core.rules import query_rule

VISIBLE_TO_PROVIDER = [RequestState.QUEUED, RequestState.ACCEPTED]


def _parties(user, prefix: str = "") -> Q:
    return Q(**{f"{prefix}leader": user}) | Q(**{f"{prefix}representative": user})


def _provider_people(user, prefix: str = "") -> Q:
    organisations = Membership.objects.filter(user=user).values("organisation_id")
    return Q(**{f"{prefix}provider__organisation_id__in": organisations}) & Q(
        **{f"{prefix}state__in": VISIBLE_TO_PROVIDER}
    )


def _rules_for(prefix: str, model_name: str):
    """The three rules for a model that hangs off a request through `prefix`."""

    def parties(user, queryset: QuerySet) -> QuerySet:
        return queryset.filter(_parties(user, prefix)) if user.is_active else queryset.none()

    def provider(user, queryset: QuerySet) -> QuerySet:
        if not user.is_active:
            return queryset.none()
        return queryset.filter(_provider_people(user, prefix))

    def overseen(user, queryset: QuerySet) -> QuerySet:
        return queryset if is_facilitator(user) else queryset.none()

    parties.__name__ = f"{model_name}_of_parties"
    provider.__name__ = f"{model_name}_for_provider"
    overseen.__name__ = f"{model_name}_overseen"
    return query_rule(parties), query_rule(provider), query_rule(overseen)


requests_of_parties, requests_for_provider, requests_overseen = _rules_for("", "requests")
courses_of_parties, courses_for_provider, courses_overseen = _rules_for("request__", "courses")
steps_of_parties, steps_for_provider, steps_overseen = _rules_for("course__request__", "steps")
files_of_parties, files_for_provider, files_overseen = _rules_for("course__request__", "files")


@query_rule
def providers_of_member(user, queryset: QuerySet[Provider]) -> QuerySet[Provider]:
    """The providers whose organisation the person is a member of."""
    if not user.is_active:
        return queryset.none()
    organisations = Membership.objects.filter(user=user).values("organisation_id")
    return queryset.filter(organisation_id__in=organisations)


@query_rule
def providers_overseen(user, queryset: QuerySet[Provider]) -> QuerySet[Provider]:
    return queryset if is_facilitator(user) else queryset.none()


def visible_requests(user, queryset: QuerySet[AdviceRequest]) -> QuerySet[AdviceRequest]:
    """Every request the person may open (the union of the three rules)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if is_facilitator(user):
        return queryset
    return queryset.filter(_parties(user) | _provider_people(user)).distinct()


@rules.predicate
def is_leader(user, obj) -> bool:
    return obj is not None and obj.leader_id == user.pk


@rules.predicate
def is_draft(user, obj) -> bool:
    return obj is not None and obj.state == RequestState.DRAFT


@rules.predicate
def is_awaiting(user, obj) -> bool:
    return obj is not None and obj.state == RequestState.AWAITING_REPRESENTATIVE


@rules.predicate
def is_withdrawable(user, obj) -> bool:
    return obj is not None and obj.is_withdrawable


@rules.predicate
def is_queued(user, obj) -> bool:
    return obj is not None and obj.state == RequestState.QUEUED


@rules.predicate
def is_declined(user, obj) -> bool:
    return obj is not None and obj.state == RequestState.DECLINED


@rules.predicate
def course_is_open(user, obj) -> bool:
    course = obj.course if isinstance(obj, CourseStep | CourseFile) else obj
    return course is not None and course.is_open


rules.add_perm(
    "advice.view_request",
    requests_overseen.predicate | requests_of_parties.predicate | requests_for_provider.predicate,
)
rules.add_perm("advice.edit_request", is_leader & is_draft)
rules.add_perm("advice.reinvite_request", is_leader & is_awaiting)
rules.add_perm("advice.withdraw_request", requests_of_parties.predicate & is_withdrawable)
rules.add_perm("advice.redirect_request", requests_of_parties.predicate & is_declined)
rules.add_perm("advice.decide_request", requests_for_provider.predicate & is_queued)

rules.add_perm("advice.view_queue", providers_overseen.predicate | providers_of_member.predicate)
rules.add_perm("advice.manage_capacity", providers_of_member.predicate)

rules.add_perm(
    "advice.view_course",
    courses_overseen.predicate | courses_of_parties.predicate | courses_for_provider.predicate,
)
rules.add_perm(
    "advice.work_on_course",
    (courses_of_parties.predicate | courses_for_provider.predicate) & course_is_open,
)
rules.add_perm(
    "advice.work_on_step",
    (steps_of_parties.predicate | steps_for_provider.predicate) & course_is_open,
)
rules.add_perm(
    "advice.view_course_file",
    files_of_parties.predicate | files_for_provider.predicate,
)


def advice_request_or_404(user, pk: int, perm: str = "advice.view_request") -> AdviceRequest:
    queryset = AdviceRequest.objects.select_related(
        "round", "provider", "leader", "representative"
    ).prefetch_related("themes")
    return object_or_404(queryset, pk=pk, user=user, perm=perm)


def provider_or_404(user, slug: str, perm: str = "advice.view_queue") -> Provider:
    return object_or_404(
        Provider.objects.select_related("organisation"),
        slug=slug,
        user=user,
        perm=perm,
        asked=(providers_overseen, providers_of_member),
    )


def course_or_404(user, pk: int, perm: str = "advice.view_course") -> Course:
    queryset = Course.objects.select_related(
        "request", "request__provider", "request__leader", "request__representative"
    )
    return object_or_404(queryset, pk=pk, user=user, perm=perm)


def course_step_or_404(user, pk: int, perm: str = "advice.work_on_step") -> CourseStep:
    queryset = CourseStep.objects.select_related("course", "course__request")
    return object_or_404(queryset, pk=pk, user=user, perm=perm)


def course_file_or_404(user, pk: int, perm: str = "advice.view_course_file") -> CourseFile:
    return object_or_404(CourseFile.objects.select_related("course"), pk=pk, user=user, perm=perm)
