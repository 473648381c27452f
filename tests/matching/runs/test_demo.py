"""Demo data: the demo match run."""

from django.core import mail

from bifrost.accounts import demo as accounts_demo
from matching import demo
from matching.models import Case, MatchRun
from programme import demo as programme_demo


def test_demo_matches_each_smv_with_its_advisor_and_is_idempotent(db):
    accounts_demo.load()
    programme_demo.load()
    demo.load()
    demo.load()
    run = MatchRun.objects.get(programme__name=programme_demo.DEMO_NAME)
    assert run.status == MatchRun.Status.CONFIRMED
    cases = Case.objects.filter(programme__name=programme_demo.DEMO_NAME, status="active")
    assert cases.count() == 6
    for case in cases.select_related("advisor"):
        owner = case.company.memberships.get().user.email
        assert owner.replace("smv", "advisor") == case.advisor.email
    assert mail.outbox == []
