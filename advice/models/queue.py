"""First come, first served: the database gives each confirmed request its queue number.

A request gets its place at the moment of the *second* confirmation (the
representative's; the leader confirmed by sending it). The place must follow the
order in which those confirmations arrived, be distinct even for two that arrive in
the same instant, and never change afterwards. So the application never computes
it (no ``MAX() + 1`` read and written back by two workers at once, no timestamps
that can tie): the confirming ``UPDATE`` takes the next value of a PostgreSQL
sequence, in the same statement that changes the state
(``AdviceRequest.objects.take_queue_place``)::

    UPDATE advice_advicerequest
       SET state = 'queued', queue_number = nextval('advice_queue_number_seq'), ...
     WHERE id = %s AND state IN ('awaiting_representative', 'declined')

- ``nextval`` is atomic across connections and never hands out a value twice, also
  when two transactions call it at the same instant; the one that asks first gets the
  lower number, whichever commits first. A rolled-back confirmation leaves a gap,
  which is harmless: only the order counts (pages show the rank, not the number).
- The state in the ``WHERE`` makes a second confirmation of the same request (a
  double click, a retried request) update no row, so it never takes a second number.
- ``queue_number`` is ``UNIQUE``: even a hand-written update cannot put two requests
  on one place.
- One sequence for all providers: a provider's queue is its requests ordered by the
  number, so the order within every queue is the order of arrival too. A request the
  workplace sends on to another provider after a decline takes a new number, at the
  end of that provider's queue: places of those already waiting there never move.

The embedded SQLite mode (``make run``, one process) has no sequences; there the
same statement takes ``MAX(queue_number) + 1`` inside the ``UPDATE``, which SQLite
runs under its single database write lock. The sequence is created by migration
0002 on PostgreSQL only.
"""

from collections.abc import Iterable
from typing import Any

from django.db import NotSupportedError, models
from django.db.models import F
from django.db.models.functions import Coalesce, Now

from advice.models.choices import RequestState

SEQUENCE = "advice_queue_number_seq"
# Constant SQL (no input): the embedded mode's stand-in for the sequence.
SQLITE_NEXT = '(SELECT COALESCE(MAX(queue_number), 0) + 1 FROM "advice_advicerequest")'

#: The states a request enters the queue from: the representative's confirmation, or
#: the workplace sending a declined request on to another provider.
ENTERS_QUEUE_FROM = (RequestState.AWAITING_REPRESENTATIVE, RequestState.DECLINED)


class NextQueueNumber(models.Func):
    """The next free queue number, decided by the database (see the module docstring).

    Use it only as the value of ``queue_number`` in an ``UPDATE`` (``QuerySet.update``)
    guarded by the request's state."""

    output_field = models.BigIntegerField()
    arity = 0

    def as_sql(self, compiler: Any, connection: Any, *args: Any, **extra_context: Any) -> Any:
        raise NotSupportedError("Queue numbers need PostgreSQL (or SQLite in the demo mode).")

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        return f"nextval('{SEQUENCE}')", []

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        return SQLITE_NEXT, []


class AdviceRequestQuerySet(models.QuerySet):
    def take_queue_place(
        self, pk: int, *, from_states: Iterable[str] = ENTERS_QUEUE_FROM
    ) -> int | None:
        """Put request ``pk`` at the end of its provider's queue, in one ``UPDATE``.

        Returns its new queue number, or ``None`` when the request was not in one of
        ``from_states`` (already confirmed by a concurrent call, withdrawn, expired):
        then nothing changed. ``queued_at`` becomes now; ``confirmed_at`` (the second
        confirmation) is set the first time only. The caller (a service) checks who
        may do this, changes the provider first when sending a request on, and writes
        the event, all in its transaction.
        """
        changed = self.filter(pk=pk, state__in=list(from_states)).update(
            state=RequestState.QUEUED,
            queue_number=NextQueueNumber(),
            queued_at=Now(),
            confirmed_at=Coalesce(F("confirmed_at"), Now()),
            updated_at=Now(),
        )
        if not changed:
            return None
        return self.filter(pk=pk).values_list("queue_number", flat=True).get()
