"""An entry's thread in the pages: both sides comment and reply, each edits their own
for 15 minutes and deletes it; researchers read; everyone else gets 404; what the
advisor writes, changes and deletes is in the access log."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bifrost.accounts.models import AccessLogEntry
from logbook.comments import services
from logbook.models import EntryComment
from matching.models import Case
from tests import factories

pytestmark = pytest.mark.django_db
Action = AccessLogEntry.Action


def _url(name, logbook, entry, comment=None) -> str:
    args = [logbook.pk, entry.pk] + ([comment.pk] if comment else [])
    return reverse(f"logbook:{name}", args=args)


def _age(comment, minutes: int) -> None:
    EntryComment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes)
    )


def test_the_advisor_comments_and_the_owner_replies(client, logbook, entry, case, owner):
    client.force_login(case.advisor)
    response = client.post(_url("entry_comment", logbook, entry), {"text": "Godt skrevet"})
    comment = EntryComment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    client.force_login(owner)
    page = client.get(_url("entry_detail", logbook, entry)).text
    assert "Godt skrevet" in page
    assert _url("entry_comment_reply", logbook, entry, comment) in page
    response = client.post(_url("entry_comment_reply", logbook, entry, comment), {"text": "Tak!"})
    assert response.status_code == 302
    reply = EntryComment.objects.get(parent=comment)
    assert reply.author == owner and reply.text == "Tak!"
    client.force_login(case.advisor)
    page = client.get(_url("entry_detail", logbook, entry)).text
    assert "Tak!" in page and f'id="comment-{reply.pk}"' in page


def test_an_empty_comment_or_reply_is_refused_with_the_form_again(
    client, logbook, entry, case, owner, english
):
    client.force_login(owner)
    response = client.post(_url("entry_comment", logbook, entry), {"text": "  "})
    assert response.status_code == 400
    assert "Write something before you send it." in response.text
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt")
    response = client.post(_url("entry_comment_reply", logbook, entry, comment), {"text": ""})
    assert response.status_code == 400
    assert f'id="id_reply_{comment.pk}_text"' in response.text
    assert EntryComment.objects.count() == 1


def test_researchers_read_the_thread_but_may_not_post(client, logbook, entry, case, facilitator):
    logbook.share_with_researchers = True
    logbook.save()
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt set")
    client.force_login(facilitator)
    page = client.get(_url("entry_detail", logbook, entry)).text
    assert "Godt set" in page and 'name="text"' not in page
    for name in ("entry_comment",):
        assert client.post(_url(name, logbook, entry), {"text": "Hej"}).status_code == 404
    for name in ("entry_comment_reply", "entry_comment_edit", "entry_comment_delete"):
        assert client.post(_url(name, logbook, entry, comment), {"text": "Hej"}).status_code == 404
    assert EntryComment.objects.count() == 1


@pytest.mark.parametrize("how", ["consent withdrawn", "case closed"])
def test_the_advisor_loses_her_rights_with_the_consent_or_the_case(
    client, logbook, entry, case, owner, how
):
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt set")
    reply = services.comment_add(entry=entry, by=owner, text="Tak", parent=comment)
    if how == "consent withdrawn":
        logbook.share_with_advisor = False
        logbook.save()
    else:
        Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    client.force_login(case.advisor)
    assert client.get(_url("entry_detail", logbook, entry)).status_code == 404
    assert client.post(_url("entry_comment", logbook, entry), {"text": "Hej"}).status_code == 404
    for name in ("entry_comment_reply", "entry_comment_edit", "entry_comment_delete"):
        for target in (comment, reply):
            url = _url(name, logbook, entry, target)
            assert client.post(url, {"text": "Hej"}).status_code == 404
    assert EntryComment.objects.count() == 2


def test_others_get_404_on_every_thread_url(
    client, logbook, entry, case, outsider, advisor_of_other_company
):
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt set")
    for user in (outsider, advisor_of_other_company, factories.facilitator()):
        client.force_login(user)
        assert client.post(_url("entry_comment", logbook, entry), {"text": "x"}).status_code == 404
        for name in ("entry_comment_reply", "entry_comment_edit", "entry_comment_delete"):
            url = _url(name, logbook, entry, comment)
            assert client.get(url).status_code in (404, 405)
            assert client.post(url, {"text": "x"}).status_code == 404
    assert EntryComment.objects.count() == 1


def test_someone_elses_comment_cannot_be_edited_or_deleted(client, logbook, entry, case, owner):
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt set")
    client.force_login(owner)
    for name in ("entry_comment_edit", "entry_comment_delete"):
        url = _url(name, logbook, entry, comment)
        assert client.get(url).status_code == 404
        assert client.post(url, {"text": "Mit nu"}).status_code == 404
    comment.refresh_from_db()
    assert comment.text == "Godt set"


def test_the_author_edits_within_15_minutes_and_it_shows_edited(
    client, logbook, entry, owner, english
):
    comment = services.comment_add(entry=entry, by=owner, text="Første udgave")
    client.force_login(owner)
    url = _url("entry_comment_edit", logbook, entry, comment)
    page = client.get(_url("entry_detail", logbook, entry)).text
    assert url in page
    form = client.get(url)
    assert form.status_code == 200 and "Første udgave" in form.text
    assert client.post(url, {"text": "Anden udgave"}).status_code == 302
    comment.refresh_from_db()
    assert comment.text == "Anden udgave" and comment.edited_at is not None
    assert "edited" in client.get(_url("entry_detail", logbook, entry)).text


def test_after_15_minutes_the_edit_is_refused_and_the_button_is_gone(
    client, logbook, entry, owner, english
):
    comment = services.comment_add(entry=entry, by=owner, text="Første udgave")
    _age(comment, 16)
    client.force_login(owner)
    url = _url("entry_comment_edit", logbook, entry, comment)
    assert url not in client.get(_url("entry_detail", logbook, entry)).text
    response = client.get(url, follow=True)
    assert "first 15 minutes" in response.text
    response = client.post(url, {"text": "For sent skrevet"})
    assert response.status_code == 400
    assert "first 15 minutes" in response.text
    assert "For sent skrevet" in response.text  # what was typed is kept
    comment.refresh_from_db()
    assert comment.text == "Første udgave"


def test_delete_asks_first_and_leaves_a_placeholder_when_answered(
    client, logbook, entry, case, owner, english
):
    comment = services.comment_add(entry=entry, by=owner, text="Vores plan")
    services.comment_add(entry=entry, by=case.advisor, text="Godt", parent=comment)
    client.force_login(owner)
    url = _url("entry_comment_delete", logbook, entry, comment)
    confirm = client.get(url)
    assert confirm.status_code == 200 and "their replies stay" in confirm.text
    assert EntryComment.objects.count() == 2
    assert client.post(url).status_code == 302
    page = client.get(_url("entry_detail", logbook, entry)).text
    assert "Comment deleted" in page and "Vores plan" not in page
    assert "in reply to a deleted comment" in page and "Godt" in page


def test_the_advisors_comment_reply_edit_and_delete_are_logged(client, logbook, entry, case, owner):
    mine = services.comment_add(entry=entry, by=owner, text="Vores plan")
    client.force_login(case.advisor)
    client.post(_url("entry_comment", logbook, entry), {"text": "Godt"})
    client.post(_url("entry_comment_reply", logbook, entry, mine), {"text": "Enig"})
    comment = EntryComment.objects.get(text="Godt")
    client.post(_url("entry_comment_edit", logbook, entry, comment), {"text": "Rigtig godt"})
    client.post(_url("entry_comment_delete", logbook, entry, comment))
    rows = AccessLogEntry.objects.exclude(action=Action.READ).order_by("pk")
    assert [(r.action, r.object_kind, r.object_id) for r in rows] == [
        (Action.COMMENT, "entry", entry.pk),
        (Action.COMMENT, "entry", entry.pk),
        (Action.CHANGE, "comment", comment.pk),
        (Action.DELETE, "comment", comment.pk),
    ]
    assert all(row.user == case.advisor for row in rows)


def test_the_companys_own_comments_are_not_logged(client, logbook, entry, owner):
    client.force_login(owner)
    client.post(_url("entry_comment", logbook, entry), {"text": "Vores plan"})
    comment = EntryComment.objects.get()
    client.post(_url("entry_comment_edit", logbook, entry, comment), {"text": "Ny plan"})
    client.post(_url("entry_comment_delete", logbook, entry, comment))
    assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize("count", [10, 300])
def test_entry_page_query_count_does_not_grow_with_the_thread(
    client, logbook, entry, case, owner, django_assert_max_num_queries, count
):
    tops = EntryComment.objects.bulk_create(
        [EntryComment(entry=entry, author=case.advisor, text=f"k{i}") for i in range(count)]
    )
    EntryComment.objects.bulk_create(
        [
            EntryComment(entry=entry, author=owner, text=f"s{i}", parent=c)
            for i, c in enumerate(tops)
        ]
    )
    client.force_login(owner)
    with django_assert_max_num_queries(14):
        assert client.get(_url("entry_detail", logbook, entry)).status_code == 200


def test_the_advisor_opening_her_edit_and_delete_pages_is_a_logged_read(
    client, logbook, entry, case
):
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt")
    client.force_login(case.advisor)
    for name in ("entry_comment_edit", "entry_comment_delete"):
        assert client.get(_url(name, logbook, entry, comment)).status_code == 200
    rows = AccessLogEntry.objects.filter(action=Action.READ)
    assert [(r.object_kind, r.object_id) for r in rows] == [("entry", entry.pk)] * 2
