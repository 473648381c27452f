"""Comments on entries: the consented advisor comments and the company reads them."""

import pytest
from django.urls import reverse

from bifrost.accounts.models import AccessLogEntry
from logbook.entries import schema, selectors, services
from logbook.models import EntryComment
from tests import factories


def test_consented_advisor_comments_and_company_sees_it(
    client,
    logbook,
    entry,
    case,
    owner,
):
    client.force_login(case.advisor)
    detail = reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])
    assert 'name="text"' in client.get(detail).text
    response = client.post(
        reverse("logbook:entry_comment", args=[logbook.pk, entry.pk]), {"text": "Godt skrevet"}
    )
    assert response.status_code == 302
    comment = EntryComment.objects.get()
    assert comment.author == case.advisor
    assert AccessLogEntry.objects.filter(action=AccessLogEntry.Action.COMMENT).count() == 1
    client.force_login(owner)
    page = client.get(detail)
    assert "Godt skrevet" in page.text
    assert 'name="text"' not in page.text  # the company does not comment on itself


def test_empty_comment_is_refused_without_500(client, logbook, entry, case):
    client.force_login(case.advisor)
    response = client.post(
        reverse("logbook:entry_comment", args=[logbook.pk, entry.pk]), {"text": ""}
    )
    assert response.status_code == 400
    assert not EntryComment.objects.exists()


def test_researcher_cannot_comment(client, logbook, entry):
    logbook.share_with_researchers = True
    logbook.save()
    client.force_login(factories.facilitator())
    response = client.post(
        reverse("logbook:entry_comment", args=[logbook.pk, entry.pk]), {"text": "Hej"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("count", [10, 300])
def test_entry_page_query_count_does_not_grow_with_comments(
    client,
    logbook,
    entry,
    case,
    owner,
    django_assert_max_num_queries,
    count,
):
    EntryComment.objects.bulk_create(
        [EntryComment(entry=entry, author=case.advisor, text=f"k{i}") for i in range(count)]
    )
    services.entry_update(
        entry=entry,
        by=owner,
        data=selectors.data_from_snapshot(schema.snapshot(entry), logbook=logbook),
        base_version=1,
    )
    client.force_login(owner)
    url = reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("logbook:entry_history", args=[logbook.pk, entry.pk]))
