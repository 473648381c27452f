"""The logbook's Danish search, on PostgreSQL and on SQLite (the embedded mode):
any inflection finds an entry, the index follows every write, only the entries of
the logbook one may read are searched, and no input is an error."""

import datetime

import pytest
from django.urls import reverse

from logbook.entries import schema, selectors, services
from logbook.models import Entry
from tests import factories
from tests.logbook.factories import EntryFactory, LogbookFactory

pytestmark = [pytest.mark.django_db, pytest.mark.both_backends]


def _titles(logbook, query):
    return [entry.title for entry in selectors.entries(logbook, query=query)]


def _data(**kwargs):
    values = {
        "kind": Entry.Kind.PROBLEM_FOCUS,
        "entry_date": datetime.date(2027, 6, 1),
        "title": "Arbejdspres",
        "body": "Vi oplever travlhed.",
    }
    values.update(kwargs)
    return schema.EntryData(**values)


def test_an_inflected_form_finds_the_entry(logbook):
    EntryFactory(logbook=logbook, title="Fravær", body="Et langt sygefravær i lageret.")
    EntryFactory(logbook=logbook, title="Frokost", body="Kaffe og kage.")
    assert _titles(logbook, "sygefraværet") == ["Fravær"]
    assert _titles(logbook, "lagerets sygefravær") == ["Fravær"]


def test_every_written_field_is_searched(logbook):
    EntryFactory(
        logbook=logbook,
        kind=Entry.Kind.REFLECTION,
        title="Refleksion",
        body="",
        hindrances=["Mange afbrydelser"],
        helps=["Faste møder"],
    )
    assert _titles(logbook, "afbrydelse") == ["Refleksion"]
    assert _titles(logbook, "møde") == ["Refleksion"]


def test_phrases_and_exclusions_follow_the_websearch_syntax(logbook):
    EntryFactory(logbook=logbook, title="Langt fravær", body="Et langt sygefravær.")
    EntryFactory(logbook=logbook, title="Kort fravær", body="Sygefravær, men langt fra alvorligt.")
    assert _titles(logbook, '"langt sygefravær"') == ["Langt fravær"]
    assert _titles(logbook, "sygefravær -kort") == ["Langt fravær"]
    assert set(_titles(logbook, "alvorligt or langt")) == {"Langt fravær", "Kort fravær"}


def test_only_excluded_words_find_the_entries_without_them_in_this_logbook(programme, logbook):
    EntryFactory(logbook=logbook, title="Langt fravær", body="Et langt sygefravær.")
    EntryFactory(logbook=logbook, title="Frokost", body="Kaffe og kage.")
    EntryFactory(logbook=logbook, title="Tom", body="")
    other = LogbookFactory(programme=programme, company=factories.OrganisationFactory())
    EntryFactory(logbook=other, title="Andet firma", body="Kaffe.")
    # As on PostgreSQL: every entry of the logbook without the word, another's never.
    assert set(_titles(logbook, "-sygefraværet")) == {"Frokost", "Tom"}
    assert _titles(logbook, "-sygefravær -kage") == ["Tom"]
    assert set(_titles(logbook, "kaffe or -fravær")) == {"Frokost", "Tom"}


def test_the_index_follows_create_update_delete_and_restore(logbook, owner):
    entry = services.entry_create(
        logbook=logbook, by=owner, data=_data(body="Travlhed på lageret.")
    )
    assert _titles(logbook, "lager") == ["Arbejdspres"]
    services.entry_update(
        entry=entry, by=owner, data=_data(body="Nye vagtplaner."), base_version=entry.version
    )
    assert _titles(logbook, "lager") == []
    assert _titles(logbook, "vagtplanen") == ["Arbejdspres"]
    services.entry_delete(entry=entry, by=owner)
    assert _titles(logbook, "vagtplanen") == []
    services.entry_undelete(entry=entry, by=owner)
    assert _titles(logbook, "vagtplanen") == ["Arbejdspres"]
    Entry.objects.filter(pk=entry.pk).delete()
    assert _titles(logbook, "vagtplanen") == []


def test_only_the_logbook_one_may_read_is_searched(client, programme, logbook, owner):
    """Another company's entry with the word is neither found nor reachable."""
    other = LogbookFactory(programme=programme, company=factories.OrganisationFactory())
    EntryFactory(logbook=other, title="Hemmeligt", body="Sygefraværet hos naboen.")
    EntryFactory(logbook=logbook, title="Vores notat", body="Intet om det.")
    client.force_login(owner)
    response = client.get(reverse("logbook:detail", args=[logbook.pk]), {"q": "sygefravær"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    assert "Hemmeligt" not in response.text
    other_url = reverse("logbook:detail", args=[other.pk])
    assert client.get(other_url, {"q": "sygefravær"}).status_code == 404


@pytest.mark.parametrize(
    "query", ['"', "*", "OR", "-", "NOT", "AND", "NEAR(a b)", "title:x", "^x", "a OR", "og i"]
)
def test_odd_queries_find_nothing_and_never_fail(client, logbook, owner, query):
    EntryFactory(logbook=logbook, title="Notat", body="Om arbejdspres.")
    client.force_login(owner)
    response = client.get(reverse("logbook:detail", args=[logbook.pk]), {"q": query})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0


def test_the_found_words_are_marked_as_written_and_the_rest_escaped(client, logbook, owner):
    EntryFactory(logbook=logbook, title="Sygefravær <i>nu</i>", body="Et langt sygefravær & mere.")
    client.force_login(owner)
    response = client.get(reverse("logbook:detail", args=[logbook.pk]), {"q": "sygefraværet"})
    assert "<mark>Sygefravær</mark> &lt;i&gt;nu&lt;/i&gt;" in response.text
    assert "Et langt <mark>sygefravær</mark> &amp; mere." in response.text
    assert "<mark>" not in client.get(reverse("logbook:detail", args=[logbook.pk])).text
