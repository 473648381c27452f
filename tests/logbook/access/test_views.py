"""'Who has looked at our logbook': every access from outside is recorded and
the company can read and download the list; nobody else can."""

import csv
import io

import pytest
from django.urls import reverse

from bifrost.accounts.models import AccessLogEntry
from tests import factories


def test_company_sees_advisor_reads_as_a_sentence(client, english, logbook, entry, case, owner):
    client.force_login(case.advisor)
    client.get(reverse("logbook:entry_detail", args=[logbook.pk, entry.pk]))
    row = AccessLogEntry.objects.get()
    assert row.object_kind == "entry"
    assert row.object_id == entry.pk
    assert row.ip_address == "127.0.0.1"
    client.force_login(owner)
    response = client.get(reverse("logbook:access_log", args=[logbook.pk]))
    assert response.status_code == 200
    assert case.advisor.get_full_name() in response.text
    assert f"viewed Note: {entry.title} on" in response.text
    assert list(response.context["page"].object_list) == [row]


def test_only_rows_of_this_company_are_listed(client, logbook, owner):
    other = factories.OrganisationFactory()
    someone = factories.advisor()
    AccessLogEntry.objects.create(
        organisation=other, user=someone, user_label=someone.email, role="advisor",
        action="read", object_kind="logbook",
    )  # fmt: skip
    client.force_login(owner)
    response = client.get(reverse("logbook:access_log", args=[logbook.pk]))
    assert list(response.context["page"].object_list) == []
    assert (
        someone.email
        not in client.get(reverse("logbook:access_log_csv", args=[logbook.pk])).content.decode()
    )


def test_csv_download(client, logbook, entry, case, owner):
    client.force_login(case.advisor)
    client.get(reverse("logbook:detail", args=[logbook.pk]), {"q": "noget"})
    client.force_login(owner)
    response = client.get(reverse("logbook:access_log_csv", args=[logbook.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith("\ufeff".encode())  # UTF-8 with BOM, for Excel
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 2
    assert rows[1][2] == case.advisor.email
    assert "noget" not in response.content.decode()  # the search words are never logged


@pytest.mark.parametrize("name", ["access_log", "access_log_csv"])
def test_readers_outside_the_company_get_404(client, logbook, case, name):
    logbook.share_with_researchers = True
    logbook.save()
    for user in (case.advisor, factories.facilitator(), factories.smv_owner()):
        client.force_login(user)
        assert client.get(reverse(f"logbook:{name}", args=[logbook.pk])).status_code == 404


def test_changes_comments_and_deletions_by_outsiders_are_logged(client, logbook, entry, case):
    client.force_login(case.advisor)
    client.post(reverse("logbook:entry_comment", args=[logbook.pk, entry.pk]), {"text": "Godt"})
    client.get(reverse("logbook:entry_history", args=[logbook.pk, entry.pk]))
    client.get(reverse("logbook:entry_version", args=[logbook.pk, entry.pk, 1]))
    actions = list(AccessLogEntry.objects.order_by("pk").values_list("action", "object_kind"))
    assert actions == [
        ("comment", "entry"),
        ("read", "entry_history"),
        ("read", "entry_version"),
    ]


@pytest.mark.parametrize("count", [10, 300])
def test_access_log_page_query_count_does_not_grow(
    client,
    logbook,
    owner,
    case,
    django_assert_max_num_queries,
    count,
):
    AccessLogEntry.objects.bulk_create(
        [
            AccessLogEntry(
                organisation=logbook.company, user=case.advisor, user_label="a@example.test",
                role="advisor", action="read", object_kind="logbook", object_id=logbook.pk,
            )
            for _ in range(count)
        ]
    )  # fmt: skip
    client.force_login(owner)
    # The page, the people of the filter (2), their names on the page: fixed.
    with django_assert_max_num_queries(13):
        assert client.get(reverse("logbook:access_log", args=[logbook.pk])).status_code == 200
