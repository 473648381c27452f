"""First come, first served: the database decides each confirmed request's place.

``AdviceRequest.objects.take_queue_place`` takes the next value of a PostgreSQL
sequence in the confirming UPDATE. The concurrent tests use real threads, each on its
own connection, against committed rows (``transaction=True``).
"""

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from advice.models import AdviceRequest, RequestState
from tests import factories
from tests.advice import factories as advice


def queue_of(provider) -> list[int]:
    return list(
        AdviceRequest.objects.filter(provider=provider, state=RequestState.QUEUED)
        .order_by("queue_number")
        .values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_places_follow_the_order_of_the_confirmations():
    provider = advice.ProviderFactory()
    requests = [
        advice.awaiting_request(provider=provider, representative=factories.UserFactory())
        for _ in range(4)
    ]
    # Confirmed in another order than they were made.
    order = [requests[2], requests[0], requests[3], requests[1]]
    numbers = [AdviceRequest.objects.take_queue_place(r.pk) for r in order]
    assert numbers == sorted(numbers)
    assert queue_of(provider) == [r.pk for r in order]


@pytest.mark.django_db
def test_confirming_twice_keeps_the_first_place():
    request = advice.awaiting_request(representative=factories.UserFactory())
    number = AdviceRequest.objects.take_queue_place(request.pk)
    request.refresh_from_db()
    confirmed_at = request.confirmed_at
    assert AdviceRequest.objects.take_queue_place(request.pk) is None
    request.refresh_from_db()
    assert (request.state, request.queue_number) == (RequestState.QUEUED, number)
    assert request.confirmed_at == confirmed_at == request.queued_at


@pytest.mark.django_db
def test_sent_on_after_a_decline_it_joins_the_end_of_the_new_queue():
    declined = advice.declined_request()
    other = advice.ProviderFactory()
    waiting = advice.queued_request(provider=other)
    first_confirmed = declined.confirmed_at
    AdviceRequest.objects.filter(pk=declined.pk).update(provider=other)
    number = AdviceRequest.objects.take_queue_place(declined.pk)
    declined.refresh_from_db()
    assert number > waiting.queue_number
    assert queue_of(other) == [waiting.pk, declined.pk]
    # Both parties confirmed once; the new queue counts from now.
    assert declined.confirmed_at == first_confirmed < declined.queued_at
    assert declined.decisions.get().queue_number < number


@pytest.mark.django_db
def test_withdrawn_and_expired_requests_take_no_place():
    for request in (advice.withdrawn_request(), advice.expired_request()):
        assert AdviceRequest.objects.take_queue_place(request.pk) is None
        request.refresh_from_db()
        assert request.queue_number is None


# --- concurrency ------------------------------------------------------------------


def race(calls: list[Callable[[], object]]) -> tuple[list[object], list[BaseException]]:
    """Run each call in its own thread and connection, all released at one instant."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=30)
            with transaction.atomic():
                results[index] = call()
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if any(thread.is_alive() for thread in threads):
        errors.append(TimeoutError("a confirmation hung"))
    return results, errors


def confirm(pk: int) -> Callable[[], int | None]:
    return lambda: AdviceRequest.objects.take_queue_place(pk)


@pytest.mark.django_db(transaction=True)
def test_confirmations_in_the_same_instant_get_distinct_stable_places():
    """Eight representatives confirm at once, five rounds over: every request gets a
    place, no two alike, and each provider's queue order is the numbers' order."""
    providers = [advice.ProviderFactory(), advice.ProviderFactory()]
    for _ in range(5):
        requests = [
            advice.awaiting_request(
                provider=providers[i % 2], representative=factories.UserFactory()
            )
            for i in range(8)
        ]
        numbers, errors = race([confirm(r.pk) for r in requests])
        assert errors == []
        assert None not in numbers
        assert len(set(numbers)) == len(numbers)
        stored = dict(
            AdviceRequest.objects.filter(pk__in=[r.pk for r in requests]).values_list(
                "pk", "queue_number"
            )
        )
        assert stored == {r.pk: n for r, n in zip(requests, numbers, strict=True)}
    for provider in providers:
        ranked = AdviceRequest.objects.filter(provider=provider).order_by("queue_number")
        assert list(ranked.values_list("pk", flat=True)) == queue_of(provider)
        assert len(queue_of(provider)) == 20


@pytest.mark.django_db(transaction=True)
def test_the_same_request_confirmed_twice_at_once_takes_one_place():
    request = advice.awaiting_request(representative=factories.UserFactory())
    numbers, errors = race([confirm(request.pk), confirm(request.pk)])
    assert errors == []
    taken = [n for n in numbers if n is not None]
    assert len(taken) == 1
    request.refresh_from_db()
    assert request.queue_number == taken[0]


@pytest.mark.django_db(transaction=True)
def test_the_earlier_confirmation_keeps_the_earlier_place_whoever_commits_first():
    """A confirms first but its transaction is slow to commit; B confirms later and
    commits at once. A still comes first: the place is taken, not committed, in order."""
    provider = advice.ProviderFactory()
    a, b = (
        advice.awaiting_request(provider=provider, representative=factories.UserFactory())
        for _ in range(2)
    )
    a_has_place, b_done = threading.Event(), threading.Event()
    numbers: dict[str, int | None] = {}
    errors: list[BaseException] = []

    def slow_a() -> None:
        try:
            with transaction.atomic():
                numbers["a"] = AdviceRequest.objects.take_queue_place(a.pk)
                a_has_place.set()
                assert b_done.wait(timeout=30)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    def quick_b() -> None:
        try:
            assert a_has_place.wait(timeout=30)
            with transaction.atomic():
                numbers["b"] = AdviceRequest.objects.take_queue_place(b.pk)
        except BaseException as exc:
            errors.append(exc)
        finally:
            b_done.set()
            connection.close()

    threads = [threading.Thread(target=slow_a), threading.Thread(target=quick_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert numbers["a"] < numbers["b"]
    assert queue_of(provider) == [a.pk, b.pk]


@pytest.mark.django_db
def test_the_place_is_taken_with_the_database_clock():
    before = timezone.now() - timedelta(seconds=1)
    request = advice.queued_request()
    assert request.queued_at >= before
