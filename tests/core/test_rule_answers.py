"""An access rule asked twice about the same person and object in one GET runs one
query; a write, or a question outside a request, always asks the database."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from bifrost.core.rules import answers_kept
from bifrost.middleware import RuleAnswersPerRequestMiddleware
from tests import factories

pytestmark = pytest.mark.django_db


def _ask_twice(user, logbook):
    return [user.has_perm("logbook.write_logbook", logbook) for _ in range(2)]


def test_outside_a_request_every_question_queries(owner, logbook, django_assert_num_queries):
    with django_assert_num_queries(2):
        assert _ask_twice(owner, logbook) == [True, True]


def test_kept_answers_are_per_person_and_object(owner, logbook, django_assert_num_queries):
    stranger = factories.smv_owner()
    with answers_kept():
        with django_assert_num_queries(1):
            assert _ask_twice(owner, logbook) == [True, True]
        with django_assert_num_queries(1):
            assert _ask_twice(stranger, logbook) == [False, False]
    with django_assert_num_queries(1):
        assert owner.has_perm("logbook.write_logbook", logbook)


@pytest.mark.parametrize(("method", "queries"), [("get", 1), ("head", 1), ("post", 2)])
def test_the_middleware_keeps_answers_for_reads_only(
    owner, logbook, django_assert_num_queries, method, queries
):
    def view(request):
        return HttpResponse(str(_ask_twice(owner, logbook)))

    request = getattr(RequestFactory(), method)("/")
    with django_assert_num_queries(queries):
        response = RuleAnswersPerRequestMiddleware(view)(request)
    assert response.content == b"[True, True]"


def test_the_lookup_answers_the_permission_in_its_own_query(
    owner, logbook, django_assert_num_queries
):
    from bifrost.accounts.selectors import roles_of
    from logbook.access.rules import logbook_or_404

    roles_of(owner)  # read once per request by the layout anyway
    # The logbook and its three read rules at once; what the page asks next about the
    # same logbook is already answered.
    with answers_kept(), django_assert_num_queries(1):
        found = logbook_or_404(owner, logbook.pk)
        assert owner.has_perm("logbook.write_logbook", found)
        assert owner.has_perm("logbook.comment_entry", found)
    assert found == logbook


def test_a_lookup_that_refuses_still_says_404_in_one_query(
    owner, logbook, django_assert_num_queries
):
    from django.http import Http404

    from bifrost.accounts.selectors import roles_of
    from logbook.access.rules import logbook_or_404

    stranger = factories.smv_owner()
    roles_of(stranger)
    with answers_kept(), django_assert_num_queries(1), pytest.raises(Http404):
        logbook_or_404(stranger, logbook.pk)
    # Outside a GET nothing is kept: the rule is asked the usual way, with the same answer.
    with pytest.raises(Http404):
        logbook_or_404(stranger, logbook.pk)
    assert logbook_or_404(owner, logbook.pk) == logbook
