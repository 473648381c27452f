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
