"""The technical admin edits the catalogue and shows requests without what they say."""

import pytest
from django.urls import reverse

from bifrost.accounts.models import User
from tests.advice import factories as advice


@pytest.mark.django_db
def test_the_admin_pages_open_and_show_no_request_text(client):
    client.force_login(User.objects.create_superuser("root@example.test", "not-used-1234"))
    request = advice.accepted_request(situation="SITUATION-TEXT", goals="GOALS-TEXT")
    advice.course_model(request.provider)
    advice.ProviderThemeFactory(provider=request.provider, theme=advice.ThemeFactory())
    advice.ProviderCapacityFactory(provider=request.provider)
    pages = [
        ("advice_offerround_changelist", []),
        ("advice_offerround_change", [request.round.pk]),
        ("advice_provider_changelist", []),
        ("advice_provider_change", [request.provider.pk]),
        ("advice_advicerequest_changelist", []),
        ("advice_advicerequest_change", [request.pk]),
    ]
    for name, args in pages:
        response = client.get(reverse(f"admin:{name}", args=args))
        assert response.status_code == 200, name
        assert b"SITUATION-TEXT" not in response.content
        assert b"GOALS-TEXT" not in response.content
