"""The case page runs a fixed number of queries whatever the number of goals, tasks,
company meetings and notes, for the company's owner and for its advisor."""

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.models import AdvisorNote, CaseGoal, CaseMeeting, CaseTask

pytestmark = pytest.mark.django_db


def _url(name, case, **extra):
    return reverse(f"matching:{name}", kwargs={"pk": case.pk, **extra})


#: Session, user, the case and its rules, the page's reads (phases, goals, meetings,
#: tasks, notes, the next development meeting), the task owners, roles and the bell.
CASE_PAGE_QUERIES = 16  # + the logbook link: the readable logbook and its membership check


@pytest.mark.parametrize("who", ["owner", "enrolled_advisor"])
def test_the_case_page_runs_the_same_queries_with_10_and_200_rows(
    client, case, owner, enrolled_advisor, who, django_assert_max_num_queries, settings
):
    settings.VIEWER_CACHE_SECONDS = 0  # the page as built (a repeat visit is kept)
    user = {"owner": owner, "enrolled_advisor": enrolled_advisor}[who]
    client.force_login(user)
    today = timezone.localdate()
    counts = {}
    for total in (10, 200):
        have = case.goals.count()
        CaseGoal.objects.bulk_create(
            CaseGoal(case=case, title=f"Mål {i}", position=i) for i in range(have, total)
        )
        CaseTask.objects.bulk_create(
            CaseTask(case=case, title=f"Opgave {i}", owner=owner)
            for i in range(case.tasks.count(), total)
        )
        CaseMeeting.objects.bulk_create(
            CaseMeeting(case=case, held_on=today, participants="Ejer", summary=f"Møde {i}")
            for i in range(case.meetings.count(), total)
        )
        AdvisorNote.objects.bulk_create(
            AdvisorNote(case=case, author=enrolled_advisor, text=f"Note {i}")
            for i in range(case.advisor_notes.count(), total)
        )
        client.get(_url("case_detail", case))
        with django_assert_max_num_queries(CASE_PAGE_QUERIES) as captured:
            response = client.get(_url("case_detail", case))
        counts[total] = len(captured.captured_queries)
        assert response.status_code == 200
        assert f"Mål {total - 1}" in response.text
    assert counts[10] == counts[200], counts
