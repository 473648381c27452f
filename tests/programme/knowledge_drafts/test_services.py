"""Drafting knowledge pages from a programme's meeting 5 and 6 in one step: the
provenance and its counts by role are right, nothing is published without the
editor, and drafting again makes nothing twice."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from knowledge.editor import services as editor
from knowledge.models import Kind, Page, Provenance, Section
from programme.exercises.evaluation import services as evaluation
from programme.exercises.recommendations import services as recommendations
from programme.knowledge_drafts import services
from programme.models import Attendance, Endorsement
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting5(programme):
    return programme.meetings.get(number=5)


@pytest.fixture
def meeting6(programme):
    return programme.meetings.get(number=6)


@pytest.fixture
def published(meeting5, owner, enrolled_advisor, company, facilitator):
    """Two published recommendations and one that is not: the first endorsed by two
    owners of the same company, one of another company, an advisor and a facilitator."""
    first = recommendations.recommendation_propose(
        meeting=meeting5,
        author=owner,
        text="Kom på besøg, før I foreslår et forløb. Så ved I, hvad der fylder.",
    )
    second = recommendations.recommendation_propose(
        meeting=meeting5, author=enrolled_advisor, text="Brug virksomhedens egne ord."
    )
    recommendations.recommendation_propose(
        meeting=meeting5, author=owner, text="Ikke udgivet endnu."
    )
    colleague = factories.smv_owner(organisation=company)
    other_owner = factories.smv_owner()
    for user in (owner, colleague, other_owner, enrolled_advisor, facilitator):
        Endorsement.objects.create(recommendation=first, user=user)
    Endorsement.objects.create(recommendation=second, user=enrolled_advisor)
    for rec in (first, second):
        recommendations.recommendation_publish(recommendation=rec, published=True)
    return first, second


def test_published_recommendations_become_drafts_with_their_provenance(
    meeting5, published, facilitator
):
    results = services.knowledge_drafts_create(meeting=meeting5, user=facilitator)
    assert [r.created for r in results] == [True, True]
    first = results[0].page
    assert first.kind == Kind.RECOMMENDATION
    assert first.section == Section.RECOMMENDATIONS
    assert first.status == Page.Status.DRAFT
    assert first.title == "Kom på besøg, før I foreslår et forløb"
    assert "Så ved I, hvad der fylder." in first.body
    provenance = Provenance.objects.get(page=first)
    assert provenance.programme_name == "BIFROST 2027"
    assert (provenance.meeting_number, provenance.meeting_title) == (5, meeting5.title)
    assert provenance.meeting_date == timezone.localdate(meeting5.starts_at)
    # Two owners of one company count once; the facilitator is no company or advisor.
    assert (provenance.companies, provenance.advisors) == (2, 1)
    assert provenance.source_date == timezone.localdate(published[0].published_at)
    second = Provenance.objects.get(page=results[1].page)
    assert (second.companies, second.advisors) == (0, 1)


def test_nothing_is_published_until_the_editor_publishes(meeting5, published, facilitator, client):
    results = services.knowledge_drafts_create(meeting=meeting5, user=facilitator)
    page = results[0].page
    assert not Page.objects.published().filter(pk__in=[r.page.pk for r in results]).exists()
    assert client.get(page.get_absolute_url()).status_code == 404
    editor.page_publish(page=page, content=None, user=facilitator)
    assert client.get(page.get_absolute_url()).status_code == 200


def test_drafting_again_makes_only_what_is_new(meeting5, published, facilitator, owner):
    services.knowledge_drafts_create(meeting=meeting5, user=facilitator)
    late = recommendations.recommendation_propose(meeting=meeting5, author=owner, text="Sent.")
    recommendations.recommendation_publish(recommendation=late, published=True)
    results = services.knowledge_drafts_create(meeting=meeting5, user=facilitator)
    assert sorted(r.created for r in results) == [False, False, True]
    assert Provenance.objects.count() == 3


def test_principles_and_tools_of_meeting_6_with_the_people_present(
    meeting6, facilitator, owner, enrolled_advisor
):
    evaluation.principle_add(
        meeting=meeting6, user=facilitator, kind="principle", title="Små skridt", description="x"
    )
    evaluation.principle_add(
        meeting=meeting6,
        user=facilitator,
        kind="tool",
        title="Stresstrappen",
        description="En model i fem trin.",
    )
    for user in (owner, enrolled_advisor):
        Attendance.objects.create(meeting=meeting6, user=user, present=True)
    Attendance.objects.create(meeting=meeting6, user=factories.advisor(), present=False)
    results = services.knowledge_drafts_create(meeting=meeting6, user=facilitator)
    kinds = {r.page.title: r.page.kind for r in results}
    assert kinds == {"Små skridt": Kind.PRINCIPLE, "Stresstrappen": Kind.TOOL}
    tool = Provenance.objects.get(page__title="Stresstrappen")
    assert (tool.source, tool.meeting_number, tool.companies, tool.advisors) == ("tool", 6, 1, 1)


def test_without_attendance_nobody_is_counted(meeting6, facilitator):
    evaluation.principle_add(
        meeting=meeting6, user=facilitator, kind="principle", title="Én koordinerer", description=""
    )
    (result,) = services.knowledge_drafts_create(meeting=meeting6, user=facilitator)
    provenance = Provenance.objects.get(page=result.page)
    assert provenance.companies is None and provenance.advisors is None


def test_nothing_to_draft_and_other_meetings_are_refused(programme, meeting5, facilitator):
    with pytest.raises(ValidationError):
        services.knowledge_drafts_create(meeting=meeting5, user=facilitator)
    with pytest.raises(ValidationError):
        services.knowledge_drafts_create(meeting=programme.meetings.get(number=3), user=facilitator)
