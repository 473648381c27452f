import pytest
from django.core.management import call_command
from django.urls import reverse

from bifrost.accounts.demo import DEMO_PASSWORD, demo_logins
from bifrost.accounts.models import Membership, Organisation, Role, User

pytestmark = pytest.mark.django_db


def test_demo_data_is_idempotent_and_every_login_works(client):
    call_command("demo_data")
    call_command("demo_data")  # a second run changes nothing
    assert User.objects.count() == 13
    assert Organisation.objects.filter(kind="company").count() == 6
    assert Organisation.objects.filter(kind="advisory_unit").count() == 6
    industries = set(Organisation.objects.filter(kind="company").values_list("industry", flat=True))
    assert industries == {"finance", "media", "communication"}
    assert Membership.objects.filter(role=Role.FACILITATOR).count() == 1
    for email in demo_logins():
        response = client.post(
            reverse("account_login"), {"login": email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, email
        assert response.url == reverse("dashboard")
        client.logout()


def test_demo_facilitator_is_not_a_superuser():
    call_command("demo_data")
    facilitator = User.objects.get(email="facilitator@bifrost.example")
    assert not facilitator.is_superuser
    assert not facilitator.is_staff


def test_demo_data_includes_the_2019_programme_with_minutes():
    from programme.models import Programme

    call_command("demo_data")
    call_command("demo_data")
    programme = Programme.objects.get()
    assert programme.starts_on.year == 2019
    meetings = list(programme.meetings.order_by("number"))
    assert len(meetings) == 7
    assert all(m.agenda_items.count() >= 5 for m in meetings)
    assert sum(1 for m in meetings if m.minutes_published_at) >= 5
    assert programme.enrolments.count() == 12


def test_demo_programme_has_exercises_filled_in(client):
    from django.urls import reverse

    from bifrost.accounts.models import User
    from programme.models import Assumption, DilemmaChoice, Programme, Recommendation

    call_command("demo_data")
    assert Assumption.objects.count() >= 4
    assert DilemmaChoice.objects.count() >= 2
    assert Recommendation.objects.count() >= 3
    client.force_login(User.objects.get(email="facilitator@bifrost.example"))
    response = client.get(reverse("programme:programme_detail", args=[Programme.objects.get().pk]))
    assert response.status_code == 200
    assert len(response.context["exercise_progress"]) >= 4
