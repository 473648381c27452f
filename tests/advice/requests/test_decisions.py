"""The provider's side: accept (a course with dated steps), decline, the workplace
sending the request on, capacity, and the queue order under concurrent confirmations."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from advice.models import AdviceRequest, Course, EventKind, RequestState
from advice.requests import decisions, selectors, services
from bifrost.core.models import Notification
from tests import factories
from tests.advice import factories as advice


@pytest.mark.django_db
def test_accepting_makes_a_course_from_the_model_with_the_follow_up(sent):
    request = services.request_confirm(token=sent.token, user=sent.representative)
    start = timezone.localdate() + timedelta(days=7)
    course = decisions.request_accept(advice_request=request, by=sent.advisor, start_date=start)
    request.refresh_from_db()
    assert request.state == RequestState.ACCEPTED
    steps = list(course.steps.order_by("planned_on"))
    assert [s.planned_on - start for s in steps] == [timedelta(days=d) for d in (0, 21, 28, 120)]
    assert [s.is_follow_up for s in steps] == [False, False, False, True]
    assert Notification.objects.filter(recipient=sent.leader, kind="advice_request_decided")
    assert request.events.filter(kind=EventKind.ACCEPTED).exists()


@pytest.mark.django_db
def test_a_model_without_a_follow_up_still_gets_one():
    request = advice.queued_request()
    course = decisions.request_accept(
        advice_request=request, by=factories.UserFactory(), start_date=timezone.localdate()
    )
    assert course.steps.filter(is_follow_up=True).count() == 1


@pytest.mark.django_db
def test_only_a_queued_request_is_answered():
    request = advice.awaiting_request()
    with pytest.raises(ValidationError):
        decisions.request_accept(
            advice_request=request, by=factories.UserFactory(), start_date=timezone.localdate()
        )


@pytest.mark.django_db
def test_declined_it_goes_on_to_another_provider_at_the_end_of_its_queue():
    request = advice.queued_request()
    other = advice.ProviderFactory()
    waiting = advice.queued_request(provider=other)
    with pytest.raises(ValidationError):
        decisions.request_decline(advice_request=request, by=factories.UserFactory(), reason="")
    decisions.request_decline(advice_request=request, by=factories.UserFactory(), reason="Fuldt")
    request.refresh_from_db()
    assert request.state == RequestState.DECLINED
    # The provider that declined cannot be chosen again.
    with pytest.raises(ValidationError):
        decisions.request_redirect(
            advice_request=request, by=request.leader, provider=request.provider
        )
    decisions.request_redirect(advice_request=request, by=request.leader, provider=other)
    request.refresh_from_db()
    assert request.state == RequestState.QUEUED and request.provider == other
    queue = selectors.provider_queue(other)
    assert [row.request.pk for row in queue.rows] == [waiting.pk, request.pk]
    assert [row.rank for row in queue.rows] == [1, 2]
    assert request.events.filter(kind=EventKind.REDIRECTED).exists()


@pytest.mark.django_db
def test_the_queue_marks_what_fits_the_current_capacity():
    provider = advice.ProviderFactory()
    advice.ProviderCapacityFactory(provider=provider, courses=3)
    advice.accepted_request(provider=provider)  # one course started this period
    queued = [advice.queued_request(provider=provider) for _ in range(3)]
    queue = selectors.provider_queue(provider)
    assert queue.current.started == 1 and queue.current.remaining == 2
    assert [row.fits for row in queue.rows] == [True, True, False]
    assert [row.request.pk for row in queue.rows] == [r.pk for r in queued]


@pytest.mark.django_db
def test_a_period_counts_only_this_providers_live_courses_started_within_it():
    provider = advice.ProviderFactory()
    today = timezone.localdate()
    current = advice.ProviderCapacityFactory(
        provider=provider, starts_on=today, ends_on=today + timedelta(days=30), courses=4
    )
    advice.ProviderCapacityFactory(
        provider=provider,
        starts_on=today + timedelta(days=31),
        ends_on=today + timedelta(days=60),
        courses=2,
    )
    advice.accepted_request(provider=provider, start_date=today)
    advice.accepted_request(provider=provider, start_date=today + timedelta(days=30))
    advice.accepted_request(provider=provider, start_date=today + timedelta(days=45))
    cancelled = advice.accepted_request(provider=provider, start_date=today + timedelta(days=1))
    Course.objects.filter(request=cancelled).update(
        cancelled_at=timezone.now(), cancel_reason="Arbejdspladsen lukkede afdelingen"
    )
    advice.accepted_request(start_date=today)  # another provider's course
    periods = selectors.provider_queue(provider).periods
    assert [(p.capacity.pk, p.started, p.remaining) for p in periods] == [
        (current.pk, 2, 2),
        (periods[1].capacity.pk, 1, 1),
    ]
    assert [p.is_current for p in periods] == [True, False]


@pytest.mark.django_db
def test_without_a_current_period_nothing_fits():
    provider = advice.ProviderFactory()
    advice.queued_request(provider=provider)
    queue = selectors.provider_queue(provider)
    assert queue.current is None and not queue.rows[0].fits


@pytest.mark.django_db
def test_capacity_periods_may_not_overlap():
    provider = advice.ProviderFactory()
    today = timezone.localdate()
    decisions.capacity_save(
        provider=provider, starts_on=today, ends_on=today + timedelta(days=30), courses=2
    )
    with pytest.raises(ValidationError):
        decisions.capacity_save(
            provider=provider,
            starts_on=today + timedelta(days=10),
            ends_on=today + timedelta(days=40),
            courses=1,
        )


@pytest.mark.django_db(transaction=True)
def test_concurrent_confirmations_get_distinct_places_in_arrival_order():
    """Real threads, each on its own connection, confirm through the service."""
    provider = advice.ProviderFactory()
    pairs = []
    for i in range(6):
        rep = factories.UserFactory(email=f"rep{i}@region.example")
        draft = advice.AdviceRequestFactory(provider=provider, representative_email=rep.email)
        pairs.append((services.request_submit(advice_request=draft, by=draft.leader), rep))
    # The same request confirmed twice at once as well.
    pairs.append(pairs[0])
    barrier = threading.Barrier(len(pairs))
    errors: list[BaseException] = []

    def confirm(token, rep):
        try:
            barrier.wait()
            services.request_confirm(token=token, user=rep)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=pair) for pair in pairs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    queued = list(AdviceRequest.objects.filter(provider=provider).order_by("queue_number"))
    assert all(r.state == RequestState.QUEUED for r in queued)
    numbers = [r.queue_number for r in queued]
    assert len(set(numbers)) == 6
    # One place each; the sequence decided the order, the queue shows it as ranks.
    ranks = [row.rank for row in selectors.provider_queue(provider).rows]
    assert ranks == [1, 2, 3, 4, 5, 6]
