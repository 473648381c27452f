"""The landing page (the logbooks a person may open) and the logbook page with
filters, search and paging."""

import pytest
from django.urls import reverse
from django.utils import timezone

from logbook.entries import services
from logbook.models import Entry, EntryComment, Logbook
from programme.models import Enrolment
from tests import factories
from tests.logbook.factories import EntryFactory, LogbookFactory

# --- landing -----------------------------------------------------------------------


def test_landing_lists_the_owners_logbook(client, programme, company, owner):
    """Enrolling the company made its logbook; the landing page links to it."""
    client.force_login(owner)
    response = client.get(reverse("logbook:landing"))
    assert response.status_code == 200
    logbook = Logbook.objects.get(programme=programme, company=company)
    assert reverse("logbook:detail", args=[logbook.pk]) in response.text


def test_a_company_that_left_before_its_logbook_was_made_has_none(client, programme):
    company = factories.OrganisationFactory()
    Enrolment.objects.create(programme=programme, organisation=company, left_at=timezone.now())
    client.force_login(factories.smv_owner(organisation=company))
    response = client.get(reverse("logbook:landing"))
    assert not Logbook.objects.exists()
    assert "no logbook yet" in response.text or "ingen logbog" in response.text.lower()


def test_landing_lists_consented_logbooks_for_the_advisor(client, logbook, case):
    client.force_login(case.advisor)
    url = reverse("logbook:detail", args=[logbook.pk])
    assert url in client.get(reverse("logbook:landing")).text
    logbook.share_with_advisor = False
    logbook.save()
    assert url not in client.get(reverse("logbook:landing")).text


def test_landing_for_another_advisor_does_not_list_it(client, logbook, advisor_of_other_company):
    client.force_login(advisor_of_other_company)
    assert (
        reverse("logbook:detail", args=[logbook.pk])
        not in client.get(reverse("logbook:landing")).text
    )


def test_landing_lists_shared_logbooks_per_programme_for_facilitators(client, programme, logbook):
    other = LogbookFactory(programme=programme, company=factories.OrganisationFactory())
    logbook.share_with_researchers = True
    logbook.save()
    client.force_login(factories.facilitator())
    text = client.get(reverse("logbook:landing")).text
    assert reverse("logbook:detail", args=[logbook.pk]) in text
    assert reverse("logbook:detail", args=[other.pk]) not in text
    assert programme.name in text


# --- the logbook page -----------------------------------------------------------------


def test_logbook_page_states_what_is_shared(client, logbook, owner):
    client.force_login(owner)
    response = client.get(reverse("logbook:detail", args=[logbook.pk]))
    assert reverse("logbook:consent", args=[logbook.pk]) in response.text
    assert response.context["logbook"].share_with_advisor is True
    assert response.context["logbook"].share_with_researchers is False


def test_logbook_page_filters_by_kind_meeting_and_text(client, logbook, owner, meeting):
    a = EntryFactory(logbook=logbook, title="Problemet", kind=Entry.Kind.PROBLEM_FOCUS)
    b = EntryFactory(logbook=logbook, title="Tiltaget", kind=Entry.Kind.INITIATIVE, meeting=meeting)
    c = EntryFactory(
        logbook=logbook,
        title="Refleksion",
        kind=Entry.Kind.REFLECTION,
        body="",
        hindrances=["Møder uden dagsorden"],
    )
    deleted = EntryFactory(logbook=logbook, title="Slettet")
    services.entry_delete(entry=deleted, by=owner)
    client.force_login(owner)
    url = reverse("logbook:detail", args=[logbook.pk])

    def shown(**params):
        return {e.pk for e in client.get(url, params).context["page"].object_list}

    assert shown() == {a.pk, b.pk, c.pk}
    assert shown(kind="initiative") == {b.pk}
    assert shown(meeting=meeting.pk) == {b.pk}
    assert shown(q="dagsorden") == {c.pk}
    assert shown(q="problemet") == {a.pk}
    assert shown(kind="nonsense") == {a.pk, b.pk, c.pk}  # bad filter: ignored, no 500


def test_logbook_page_shows_newest_first_and_pages(client, logbook, owner):
    EntryFactory.create_batch(25, logbook=logbook)
    client.force_login(owner)
    url = reverse("logbook:detail", args=[logbook.pk])
    first = client.get(url).context["page"]
    assert len(first.object_list) == 20
    dates = [e.entry_date for e in first.object_list]
    assert dates == sorted(dates, reverse=True)
    assert len(client.get(url, {"page": 2}).context["page"].object_list) == 5


def test_empty_logbook_has_an_empty_state(client, logbook, owner):
    client.force_login(owner)
    response = client.get(reverse("logbook:detail", args=[logbook.pk]))
    assert response.context["page"].paginator.count == 0
    assert reverse("logbook:entry_create", args=[logbook.pk]) in response.text


@pytest.mark.parametrize("count", [10, 300])
def test_logbook_page_query_count_does_not_grow(
    client, logbook, owner, case, meeting, django_assert_max_num_queries, count
):
    entries = EntryFactory.create_batch(count, logbook=logbook, author=owner, meeting=meeting)
    for e in entries[:5]:
        EntryComment.objects.create(entry=e, author=case.advisor, text="God idé")
    client.force_login(owner)
    url = reverse("logbook:detail", args=[logbook.pk])
    client.get(url)  # warm up session and caches
    with django_assert_max_num_queries(14):
        response = client.get(url, {"q": "arbejdspres"})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 300])
def test_advisor_logbook_page_query_count_does_not_grow(
    client, logbook, owner, case, django_assert_max_num_queries, count
):
    EntryFactory.create_batch(count, logbook=logbook, author=owner)
    client.force_login(case.advisor)
    url = reverse("logbook:detail", args=[logbook.pk])
    with django_assert_max_num_queries(18):
        assert client.get(url).status_code == 200
