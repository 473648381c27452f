"""The case page's link to the company's logbook: shown to exactly the people the
logbook's read rule lets in, and each shown link opens (each missing one would 404)."""

import pytest
from django.urls import reverse

from matching.models import Case

pytestmark = pytest.mark.django_db


def _case_page(client, user, case):
    client.force_login(user)
    response = client.get(reverse("matching:case_detail", kwargs={"pk": case.pk}))
    assert response.status_code == 200
    return response


def _assert_link(client, user, case, logbook, *, shown: bool):
    url = reverse("logbook:detail", kwargs={"pk": logbook.pk})
    response = _case_page(client, user, case)
    assert (f'href="{url}"' in response.content.decode()) is shown
    # The link follows the logbook's own rule: shown means it opens, hidden means 404.
    assert client.get(url).status_code == (200 if shown else 404)


def test_the_company_sees_the_link_to_its_logbook(client, english, case, logbook, owner):
    _assert_link(client, owner, case, logbook, shown=True)
    assert "Open our logbook" in _case_page(client, owner, case).content.decode()


def test_the_advisor_sees_the_link_while_the_company_shares(
    client, english, case, logbook, enrolled_advisor
):
    assert logbook.share_with_advisor
    _assert_link(client, enrolled_advisor, case, logbook, shown=True)
    assert "Open the company&#x27;s logbook" in _case_page(client, enrolled_advisor, case).text


def test_no_link_for_the_advisor_when_the_company_does_not_share(
    client, case, logbook, enrolled_advisor
):
    logbook.share_with_advisor = False
    logbook.save(update_fields=["share_with_advisor"])
    _assert_link(client, enrolled_advisor, case, logbook, shown=False)


def test_no_link_for_the_advisor_once_the_case_is_closed(client, case, logbook, enrolled_advisor):
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    _assert_link(client, enrolled_advisor, case, logbook, shown=False)


@pytest.mark.parametrize("consented", [False, True])
def test_facilitators_see_the_link_only_with_the_research_consent(
    client, case, logbook, facilitator, consented
):
    logbook.share_with_researchers = consented
    logbook.save(update_fields=["share_with_researchers"])
    _assert_link(client, facilitator, case, logbook, shown=consented)
