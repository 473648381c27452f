"""Demo data on the six demo cases: phases, goals, meetings, tasks, inputs, notes; idempotent."""

from collections import Counter
from io import StringIO

import pytest
from django.utils import timezone

from bifrost.accounts import demo as accounts_demo
from bifrost.accounts.models import Membership, Role, User
from matching import demo_cases
from matching.models import AdvisorNote, Case, CaseGoal, CaseMeetingInput, CasePhaseChange, Phase
from programme import demo as programme_demo
from programme.models import Programme
from tests.matching.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_cases_opened():
    accounts_demo.load()
    programme_demo.load()
    programme = Programme.objects.get(name=programme_demo.DEMO_NAME)
    cases = []
    for number in range(1, 7):
        owner = User.objects.get(email=f"smv{number}@bifrost.example")
        advisor = User.objects.get(email=f"advisor{number}@bifrost.example")
        company = Membership.objects.get(user=owner, role=Role.SMV_OWNER).organisation
        unit = Membership.objects.get(user=advisor, role=Role.ADVISOR).organisation
        case = CaseFactory(programme=programme, company=company, advisor=advisor, unit=unit)
        CasePhaseChange.objects.create(
            case=case, phase=Phase.WAY_IN, started_on=timezone.localdate()
        )
        cases.append(case)
    return cases


def test_without_cases_it_does_nothing_and_says_so():
    out = StringIO()
    demo_cases.load(out)
    assert "no cases" in out.getvalue()
    assert not CaseGoal.objects.exists()


def test_demo_fills_the_six_cases_once(demo_cases_opened):
    demo_cases.load(StringIO())
    phases = Counter(Case.objects.values_list("phase", flat=True))
    assert phases == {Phase.WAY_IN: 2, Phase.RELATIONSHIP: 2, Phase.HANDOVER: 2}
    today = timezone.localdate()
    matched = timezone.localtime(
        Programme.objects.get(name=programme_demo.DEMO_NAME).meetings.get(number=2).starts_at
    ).date()  # the pairs were matched at development meeting 2
    for case in Case.objects.all():
        starts = list(case.phase_changes.values_list("started_on", flat=True))
        assert all(matched <= day < today for day in starts)
        assert case.goals.exists() and case.meetings.exists() and case.tasks.exists()
        assert matched <= timezone.localtime(case.last_activity_at).date() < today
    tasks = [t for case in Case.objects.all() for t in case.tasks.all()]
    assert any(t.done_at for t in tasks)
    assert any(t.done_at is None and t.due_on < today for t in tasks)
    assert CaseMeetingInput.objects.exists()
    assert AdvisorNote.objects.filter(shared_with_unit=True).exists()
    assert AdvisorNote.objects.filter(shared_with_unit=False).exists()
    counts = (
        CaseGoal.objects.count(),
        AdvisorNote.objects.count(),
        CasePhaseChange.objects.count(),
    )
    out = StringIO()
    demo_cases.load(out)
    assert "already" in out.getvalue()
    assert counts == (
        CaseGoal.objects.count(),
        AdvisorNote.objects.count(),
        CasePhaseChange.objects.count(),
    )
