"""One realistic world for the permission matrix, built once per test module.

A fixture module (loaded by tests/security/conftest.py, never imported by a test
module). Everything is written through the models, the shared factories and the
ORM, never through the apps' services or selectors, so the world survives moves
of those modules. It holds:

- programme P (a kick-off and development meetings 1–6, run by facilitator F) and
  programme Q with its own facilitator F2;
- companies A and B enrolled in P, each with an SMV owner, a profile, a logbook and
  a confirmed case: A with advisor a1 of unit U, B with advisor a3 of unit V; a2 is
  a1's colleague in U (not on A's case). A's logbook shares with the advisor and the
  researchers; B's with the advisor only (the default);
- one of every object a URL takes, for both companies where it belongs to one: the
  logbook's entries, versions, drafts, comments, change logic, readiness check,
  critical situation and PDF export; the case's goals, meetings, tasks, input and
  notes; match runs and pair rules; agenda items with material, agenda exports,
  calendar feeds; the exercises' assumptions, dilemmas, plays, recommendations and
  principles; knowledge pages and revisions; invitations and allauth's keys;
- a staff user and a superuser, neither with a programme role;
- one notification per person (the owners' are the subject's "notification").

`World.url_kwargs(key, subject)` gives the URL keyword arguments of a matrix key
for company "A" or "B" (see URL_OBJECTS); `World.users[role]` the person of a role.
"""

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from bifrost.accounts.models import User
from bifrost.core.models import Notification
from programme.models import (
    Enrolment,
)
from tests.security import matrix
from tests.security.url_objects import URL_OBJECTS
from tests.security.world_advice_advcat import advice_catalogue_objects
from tests.security.world_advice_advflow import _advice_flow
from tests.security.world_company import _company_side
from tests.security.world_orgs import orgs_objects
from tests.security.world_shared import (
    _allauth_keys,
    _exercises,
    _knowledge,
    _matching,
    _meeting_objects,
    _other_programme,
    _people,
    _programme,
)


@dataclass
class World:
    users: dict[str, User | None]
    objects: dict[str, dict[str, object]]  # subject "A" / "B" → object name → value
    media_root: Path
    people: dict[str, User] = field(default_factory=dict)

    def url_kwargs(self, key: str, subject: str) -> dict[str, object]:
        objects = self.objects[subject]
        return {kwarg: objects[name] for kwarg, name in URL_OBJECTS.get(key, {}).items()}


@pytest.fixture(scope="module")
def permission_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, in a transaction of its own that is rolled back after the module."""
    media_root = tmp_path_factory.mktemp("permission-matrix-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media_root)),
        transaction.atomic(),
    ):
        world = build_world(media_root)
        yield world
        transaction.set_rollback(True)


# --- Building it ---------------------------------------------------------------------


def build_world(media_root: Path) -> World:
    now = timezone.now()
    people = _people()
    programme, meetings = _programme(people["facilitator"], now)
    _other_programme(people["facilitator_other"], now)
    for org in ("company_a", "company_b", "unit_u", "unit_v"):
        Enrolment.objects.create(programme=programme, organisation=people[org])
    shared = {
        "programme": programme.pk,
        **{name: meeting.pk for name, meeting in meetings.items()},
        **_matching(programme, people),
        **_meeting_objects(meetings, people),
        **_exercises(meetings, people),
        **_knowledge(people["facilitator"]),
        **_allauth_keys(),
        **_advice_flow(people),
        **advice_catalogue_objects(),
        **orgs_objects(people),
    }
    sides = {
        "A": _company_side(programme, meetings, people, "a", share_with_researchers=True),
        "B": _company_side(programme, meetings, people, "b", share_with_researchers=False),
    }
    users = {
        matrix.ANONYMOUS: None,
        matrix.OWNER_A: people["owner_a"],
        matrix.OWNER_B: people["owner_b"],
        matrix.ADVISOR_A: people["advisor_a"],
        matrix.ADVISOR_OTHER: people["advisor_b"],
        matrix.UNIT_COLLEAGUE: people["colleague"],
        matrix.FACILITATOR: people["facilitator"],
        matrix.FACILITATOR_NO_CONSENT: people["facilitator"],
        matrix.FACILITATOR_OTHER: people["facilitator_other"],
        matrix.STAFF: people["staff"],
        matrix.SUPERUSER: people["superuser"],
    }
    for user in {u for u in users.values() if u is not None}:
        Notification.objects.create(
            recipient=user, kind="matrix", title="Matrix", link="/", cause="matrix"
        )
    for subject, side in sides.items():
        side["notification"] = Notification.objects.get(
            recipient=people[f"owner_{subject.lower()}"], cause="matrix"
        ).pk
    objects = {subject: {**shared, **side} for subject, side in sides.items()}
    return World(users=users, objects=objects, media_root=media_root, people=people)


# --- The run's summary (printed by tests/security/conftest.py) ------------------------

REPORT = pytest.StashKey[list[str]]()


@pytest.fixture
def matrix_report(request) -> list[str]:
    """Lines for the terminal summary: the matrix size and the known findings."""
    return request.config.stash.setdefault(REPORT, [])
