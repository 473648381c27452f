"""Profile writes: an advisor's drop-out."""

from django.utils import timezone

from matching.models import PairRule
from matching.profiles import services as profile_services
from matching.runs import services


def test_withdrawing_removes_locks_to_the_advisor(programme, facilitator, two_by_two):
    services.pair_rule_add(
        programme=programme,
        company=two_by_two["b"],
        advisor=two_by_two["x"],
        kind="lock",
        note="",
        by=facilitator,
    )
    profile_services.advisor_withdraw(
        profile=two_by_two["x"].advisor_profiles.get(), by=facilitator
    )
    assert not PairRule.objects.filter(advisor=two_by_two["x"], kind="lock").exists()
    assert two_by_two["x"].advisor_profiles.get().withdrawn_at <= timezone.now()
