"""What the database refuses in the advice offer, whatever code tries it.

Each test breaks one rule at the database (``IntegrityError``) or, where the rule
spans rows, in the model's ``clean`` (``ValidationError``) and at the database too.
The queue's order is tested in ``test_queue.py``.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from advice.models import (
    AdviceRequest,
    ContactPerson,
    Course,
    CourseFile,
    CourseStep,
    Decision,
    InspectorateOrder,
    ProviderCapacity,
    ProviderDecision,
    RequestState,
)
from bifrost.core.storage import SafeFileSystemStorage
from tests import factories
from tests.advice import factories as advice

pytestmark = pytest.mark.django_db


def refused():
    """The database refuses the change (used with a savepoint, so the test goes on)."""
    return pytest.raises(IntegrityError)


def update_refused(request: AdviceRequest, **values) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        AdviceRequest.objects.filter(pk=request.pk).update(**values)


# --- requests ---------------------------------------------------------------------


def test_a_draft_may_be_incomplete():
    draft = advice.AdviceRequestFactory(
        provider=None, situation="", goals="", participants=None, expected_hours=None
    )
    assert draft.state == RequestState.DRAFT


@pytest.mark.parametrize(
    "values",
    [
        {"provider": None},
        {"situation": ""},
        {"goals": ""},
        {"participants": None},
        {"expected_hours": None},
        {"representative_email": ""},
        {"submitted_at": None},
        {"exclusions_confirmed": False},
        {"inspectorate_order": InspectorateOrder.OPEN},
    ],
    ids=lambda values: next(iter(values)),
)
def test_a_sent_request_is_complete_and_not_excluded(values):
    request = advice.awaiting_request()
    update_refused(request, **values)


def test_a_complied_inspectorate_order_is_no_exclusion():
    request = advice.awaiting_request(inspectorate_order=InspectorateOrder.COMPLIED)
    assert request.state == RequestState.AWAITING_REPRESENTATIVE


def test_an_unknown_state_is_refused():
    update_refused(advice.AdviceRequestFactory(), state="lost")


@pytest.mark.parametrize("field", ["invited_at", "expires_at", "invitation_token_hash"])
def test_awaiting_the_representative_means_invited(field):
    request = advice.awaiting_request()
    update_refused(request, **{field: "" if field == "invitation_token_hash" else None})


def test_two_requests_never_share_an_invitation_token():
    first = advice.awaiting_request()
    with pytest.raises(IntegrityError), transaction.atomic():
        advice.awaiting_request(invitation_token_hash=first.invitation_token_hash)


def test_a_withdrawal_has_a_time_and_a_reason():
    request = advice.awaiting_request()
    update_refused(request, state=RequestState.WITHDRAWN, withdrawn_at=timezone.now())
    update_refused(request, state=RequestState.WITHDRAWN, withdraw_reason="Ikke længere aktuelt")
    withdrawn = advice.withdrawn_request()
    assert withdrawn.is_withdrawable is False


def test_the_leader_is_not_the_representative():
    request = advice.awaiting_request()
    update_refused(request, representative=request.leader)
    # Not yet known (NULL) passes.
    assert request.representative_id is None


@pytest.mark.parametrize(
    "values",
    [{"participants": 0}, {"expected_hours": Decimal("-1")}, {"is_joint": True, "joint_units": ""}],
    ids=["no participants", "negative hours", "joint without units"],
)
def test_the_numbers_and_the_joint_units_make_sense(values):
    update_refused(advice.AdviceRequestFactory(), **values)


def test_joint_units_are_named():
    request = advice.AdviceRequestFactory(is_joint=True, joint_units="Afsnit M2 og M3")
    assert request.is_joint


# --- the queue place's invariants (the order itself: test_queue.py) ----------------


def test_a_queued_request_has_a_place_and_its_times():
    request = advice.awaiting_request(representative=factories.UserFactory())
    update_refused(request, state=RequestState.QUEUED)
    queued = advice.queued_request()
    for field in ["queue_number", "queued_at", "confirmed_at"]:
        update_refused(queued, **{field: None})


@pytest.mark.parametrize("state", [RequestState.AWAITING_REPRESENTATIVE, RequestState.EXPIRED])
def test_an_unconfirmed_request_has_no_place(state):
    queued = advice.queued_request()
    update_refused(queued, state=state)


def test_two_requests_never_share_a_place():
    first, second = advice.queued_request(), advice.queued_request()
    update_refused(second, queue_number=first.queue_number)


def test_a_place_in_the_queue_never_changes():
    request = advice.queued_request()
    update_refused(request, queue_number=request.queue_number + 1000)
    declined = advice.declined_request()
    update_refused(declined, queue_number=declined.queue_number + 1000)


def test_a_draft_cannot_take_a_place():
    draft = advice.AdviceRequestFactory()
    assert AdviceRequest.objects.take_queue_place(draft.pk) is None
    draft.refresh_from_db()
    assert (draft.state, draft.queue_number) == (RequestState.DRAFT, None)


# --- decisions ----------------------------------------------------------------------


def test_a_decline_has_a_reason_and_an_acceptance_a_start_date():
    request = advice.queued_request()
    with refused(), transaction.atomic():
        ProviderDecision.objects.create(
            request=request, provider=request.provider, outcome=Decision.DECLINED
        )
    with refused(), transaction.atomic():
        ProviderDecision.objects.create(
            request=request, provider=request.provider, outcome=Decision.ACCEPTED
        )


def test_each_provider_answers_a_request_once():
    request = advice.declined_request()
    with refused(), transaction.atomic():
        ProviderDecision.objects.create(
            request=request, provider=request.provider, outcome=Decision.DECLINED, reason="Igen"
        )


def test_only_one_provider_accepts_a_request():
    request = advice.declined_request()
    today = timezone.localdate()
    ProviderDecision.objects.create(
        request=request,
        provider=advice.ProviderFactory(),
        outcome=Decision.ACCEPTED,
        start_date=today,
    )
    with refused(), transaction.atomic():
        ProviderDecision.objects.create(
            request=request,
            provider=advice.ProviderFactory(),
            outcome=Decision.ACCEPTED,
            start_date=today,
        )


# --- courses ------------------------------------------------------------------------


def test_a_course_only_for_an_accepted_request():
    request = advice.queued_request()
    course = Course(request=request, start_date=timezone.localdate())
    with pytest.raises(ValidationError):
        course.full_clean()
    with refused(), transaction.atomic():
        course.save()


def test_a_request_with_a_course_stays_accepted_by_its_provider():
    request = advice.accepted_request()
    update_refused(
        request,
        state=RequestState.WITHDRAWN,
        withdrawn_at=timezone.now(),
        withdraw_reason="For sent",
    )
    update_refused(request, provider=advice.ProviderFactory())


def test_the_course_copies_the_model_with_one_follow_up():
    provider = advice.ProviderFactory()
    advice.course_model(provider)
    with refused(), transaction.atomic():
        advice.CourseModelStepFactory(provider=provider, is_follow_up=True)
    start = timezone.localdate()
    course = advice.accepted_request(provider=provider, start_date=start).course
    steps = list(course.steps.all())
    assert [step.planned_on for step in steps] == [
        start + timedelta(days=d) for d in (0, 21, 28, 120)
    ]
    assert [step.is_follow_up for step in steps] == [False, False, False, True]
    with refused(), transaction.atomic():
        CourseStep.objects.create(
            course=course, title="Ekstra", planned_on=start, is_follow_up=True
        )


def test_a_step_done_by_someone_is_done():
    course = advice.accepted_request().course
    step = CourseStep.objects.create(course=course, title="Møde", planned_on=course.start_date)
    with refused(), transaction.atomic():
        CourseStep.objects.filter(pk=step.pk).update(done_by=factories.UserFactory())
    with refused(), transaction.atomic():
        CourseStep.objects.filter(pk=step.pk).update(ends_on=step.planned_on - timedelta(days=1))


def test_a_course_is_completed_or_cancelled_with_a_reason():
    course = advice.accepted_request().course
    now = timezone.now()
    with refused(), transaction.atomic():
        Course.objects.filter(pk=course.pk).update(completed_at=now, cancelled_at=now)
    with refused(), transaction.atomic():
        Course.objects.filter(pk=course.pk).update(cancelled_at=now)


def test_a_course_file_is_stored_safely_under_media(settings):
    course = advice.accepted_request().course
    shared = CourseFile(course=course, name="plan.pdf", size=8)
    shared.file.save("plan.pdf", ContentFile(b"%PDF-1.4"), save=True)
    assert isinstance(default_storage, SafeFileSystemStorage)
    assert shared.file.name.startswith("advice/courses/")
    assert default_storage.exists(shared.file.name)
    with refused(), transaction.atomic():
        CourseFile.objects.filter(pk=shared.pk).update(name="")


# --- the catalogue ------------------------------------------------------------------


def test_a_provider_is_an_advisory_unit():
    provider = advice.ProviderFactory.build(organisation=factories.OrganisationFactory())
    with pytest.raises(ValidationError) as error:
        provider.full_clean()
    assert "organisation" in error.value.message_dict


def test_a_contact_person_can_be_reached():
    provider = advice.ProviderFactory()
    with refused(), transaction.atomic():
        ContactPerson.objects.create(provider=provider, name="Ingen Kontakt")


def test_theme_slugs_are_unique_within_a_round():
    theme = advice.ThemeFactory(slug="vold-og-trusler")
    advice.ThemeFactory(slug="vold-og-trusler")  # another round
    with refused(), transaction.atomic():
        advice.ThemeFactory(round=theme.round, slug="vold-og-trusler")


def test_a_round_ends_after_it_starts():
    with refused(), transaction.atomic():
        advice.OfferRoundFactory(ends_on=timezone.localdate() - timedelta(days=365))


def test_capacity_periods_of_a_provider_never_overlap():
    first = advice.ProviderCapacityFactory()
    provider, day = first.provider, timedelta(days=1)
    overlapping = ProviderCapacity(
        provider=provider, starts_on=first.ends_on, ends_on=first.ends_on + 30 * day, courses=1
    )
    with pytest.raises(ValidationError):
        overlapping.full_clean()
    with refused(), transaction.atomic():
        overlapping.save()
    # The next day is fine, as is the same period for another provider.
    advice.ProviderCapacityFactory(provider=provider, starts_on=first.ends_on + day)
    advice.ProviderCapacityFactory(starts_on=first.starts_on)
    with refused(), transaction.atomic():
        advice.ProviderCapacityFactory(ends_on=first.starts_on - day, starts_on=first.starts_on)
