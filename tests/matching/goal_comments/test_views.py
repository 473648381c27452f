"""A goal's page and its thread: the company and its advisor post, reply, edit their
own for 15 minutes and delete them; facilitators read; everyone else gets 404."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.goal_comments import services
from matching.models import Case, GoalComment
from tests import factories

pytestmark = pytest.mark.django_db


def _url(name, goal, comment=None) -> str:
    args = [goal.case_id, goal.pk] + ([comment.pk] if comment else [])
    return reverse(f"matching:{name}", args=args)


def test_the_case_page_links_each_goal_to_its_thread(client, goal, owner, advisor):
    services.goal_comment_add(goal=goal, by=advisor, text="Godt")
    client.force_login(owner)
    page = client.get(reverse("matching:case_detail", args=[goal.case_id])).text
    assert _url("case_goal_detail", goal) in page


def test_the_advisor_comments_and_the_owner_replies(client, goal, owner, advisor):
    client.force_login(advisor)
    response = client.post(_url("case_goal_comment", goal), {"text": "Hvordan går det?"})
    comment = GoalComment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    client.force_login(owner)
    page = client.get(_url("case_goal_detail", goal)).text
    assert "Hvordan går det?" in page and goal.title in page
    reply_url = _url("case_goal_comment_reply", goal, comment)
    assert client.post(reply_url, {"text": "Fint"}).status_code == 302
    assert GoalComment.objects.get(parent=comment).author == owner


def test_an_empty_comment_is_refused_with_the_form_again(client, goal, owner, english):
    client.force_login(owner)
    response = client.post(_url("case_goal_comment", goal), {"text": ""})
    assert response.status_code == 400
    assert "Write something before you send it." in response.text
    assert not GoalComment.objects.exists()


def test_facilitators_read_but_do_not_post(client, goal, owner, facilitator):
    comment = services.goal_comment_add(goal=goal, by=owner, text="Vores plan")
    client.force_login(facilitator)
    page = client.get(_url("case_goal_detail", goal))
    assert page.status_code == 200 and "Vores plan" in page.text
    assert 'name="text"' not in page.text
    assert client.post(_url("case_goal_comment", goal), {"text": "x"}).status_code == 404
    for name in ("case_goal_comment_reply", "case_goal_comment_edit", "case_goal_comment_delete"):
        assert client.post(_url(name, goal, comment), {"text": "x"}).status_code == 404


def test_others_get_404(client, goal, owner, outsider, advisor_not_on_case):
    comment = services.goal_comment_add(goal=goal, by=owner, text="Vores plan")
    for user in (outsider, advisor_not_on_case):
        client.force_login(user)
        assert client.get(_url("case_goal_detail", goal)).status_code == 404
        assert client.post(_url("case_goal_comment", goal), {"text": "x"}).status_code == 404
        for name in ("case_goal_comment_reply", "case_goal_comment_edit"):
            assert client.post(_url(name, goal, comment), {"text": "x"}).status_code == 404
    assert GoalComment.objects.count() == 1


def test_a_goal_of_another_case_is_404(client, goal, owner, programme):
    other_company = factories.OrganisationFactory()
    other = Case.objects.create(
        programme=programme,
        company=other_company,
        advisor=goal.case.advisor,
        unit=goal.case.unit,
    )
    client.force_login(owner)
    url = reverse("matching:case_goal_detail", args=[other.pk, goal.pk])
    assert client.get(url).status_code == 404


def test_someone_elses_comment_cannot_be_edited_or_deleted(client, goal, owner, advisor):
    comment = services.goal_comment_add(goal=goal, by=advisor, text="Godt")
    client.force_login(owner)
    for name in ("case_goal_comment_edit", "case_goal_comment_delete"):
        assert client.get(_url(name, goal, comment)).status_code == 404
        assert client.post(_url(name, goal, comment), {"text": "x"}).status_code == 404
    assert GoalComment.objects.get().text == "Godt"


def test_edit_within_15_minutes_then_refused(client, goal, owner, english):
    comment = services.goal_comment_add(goal=goal, by=owner, text="Første")
    client.force_login(owner)
    url = _url("case_goal_comment_edit", goal, comment)
    assert client.post(url, {"text": "Anden"}).status_code == 302
    assert "edited" in client.get(_url("case_goal_detail", goal)).text
    GoalComment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=20)
    )
    assert url not in client.get(_url("case_goal_detail", goal)).text
    assert "first 15 minutes" in client.get(url, follow=True).text
    assert client.post(url, {"text": "Tredje"}).status_code == 400
    assert GoalComment.objects.get().text == "Anden"


def test_delete_with_confirmation(client, goal, owner, advisor, english):
    comment = services.goal_comment_add(goal=goal, by=owner, text="Vores plan")
    services.goal_comment_add(goal=goal, by=advisor, text="Godt", parent=comment)
    client.force_login(owner)
    url = _url("case_goal_comment_delete", goal, comment)
    assert "their replies stay" in client.get(url).text
    assert client.post(url).status_code == 302
    page = client.get(_url("case_goal_detail", goal)).text
    assert "Comment deleted" in page and "Vores plan" not in page


def test_a_closed_case_is_read_only(client, goal, owner, english):
    comment = services.goal_comment_add(goal=goal, by=owner, text="Vores plan")
    Case.objects.filter(pk=goal.case_id).update(status=Case.Status.CLOSED)
    client.force_login(owner)
    page = client.get(_url("case_goal_detail", goal)).text
    assert "Vores plan" in page and "This case is closed" in page and 'name="text"' not in page
    assert client.post(_url("case_goal_comment", goal), {"text": "x"}).status_code == 404
    assert (
        client.post(_url("case_goal_comment_edit", goal, comment), {"text": "x"}).status_code == 404
    )


@pytest.mark.parametrize("count", [10, 200])
def test_goal_page_query_count_does_not_grow(
    client, goal, owner, advisor, django_assert_max_num_queries, count
):
    tops = GoalComment.objects.bulk_create(
        [GoalComment(goal=goal, author=advisor, text=f"k{i}") for i in range(count)]
    )
    GoalComment.objects.bulk_create(
        [GoalComment(goal=goal, author=owner, text=f"s{i}", parent=c) for i, c in enumerate(tops)]
    )
    client.force_login(owner)
    with django_assert_max_num_queries(12):
        assert client.get(_url("case_goal_detail", goal)).status_code == 200
