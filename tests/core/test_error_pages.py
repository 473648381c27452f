"""The error pages (bifrost/core/errors.py): each status answers its own page in the
site layout, in Danish by default; the 404 does not tell forbidden from missing; the
500 needs neither the database nor the context processors and gives a reference
that is in the log.

The suite runs with DEBUG off (DJANGO_ENV=test), as production does.
"""

import logging
import re

import pytest
from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied
from django.test import Client, RequestFactory, override_settings
from django.urls import path, reverse

from bifrost import urls as project_urls
from bifrost.core import errors

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r'id="error-reference">([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})<')
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _bad_request(request):
    raise BadRequest("a broken request")


def _forbidden(request):
    raise PermissionDenied


def _bug(request):
    raise ValueError("a bug with a secret in it: Hemmelig Hansen")


# The project's pages (the layout links to them) plus three that fail on purpose; the
# handlers are the project's own, so this also checks how bifrost/urls.py wires them.
urlpatterns = [
    path("test-errors/400/", _bad_request),
    path("test-errors/403/", _forbidden),
    path("test-errors/500/", _bug),
    *project_urls.urlpatterns,
]
handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500


def broken_processor(request):
    raise RuntimeError("a context processor failed")


def _assert_site_layout(response, template: str, language: str = "da") -> str:
    """The page is the given error template inside base.html, in Danish by default."""
    assert template in [t.name for t in response.templates]
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-header' in html and 'class="site-footer' in html
    assert "no-store" in response["Cache-Control"]
    return html


@pytest.fixture
def failing(client):
    client.raise_request_exception = False
    return client


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize(
    ("url", "status", "template"),
    [
        ("/test-errors/400/", 400, "core/errors/400.html"),
        ("/test-errors/403/", 403, "core/errors/403.html"),
        ("/no-such-page/", 404, "core/errors/404.html"),
    ],
)
def test_each_status_answers_its_own_page_in_the_layout(client, url, status, template):
    response = client.get(url)
    assert response.status_code == status
    _assert_site_layout(response, template)


def test_a_missing_page_says_that_no_access_looks_the_same_and_offers_the_way_back(
    client, english, smv_owner
):
    client.force_login(smv_owner)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = _assert_site_layout(response, "core/errors/404.html", "en")
    assert "a page you may not see looks exactly like a page that does not exist" in html
    assert f'href="{reverse("dashboard")}"' in html  # signed in: back to the dashboard
    assert f'href="{reverse("help")}"' in html


def test_a_missing_page_offers_the_front_page_and_login_to_a_visitor(client, english):
    html = client.get("/no-such-page/").content.decode()
    assert f'href="{reverse("front_page")}"' in html
    assert f'href="{reverse("account_login")}"' in html


def test_a_forbidden_case_answers_the_same_page_as_a_missing_one(client, case, outsider):
    client.force_login(outsider)
    pages = []
    for pk in (case.pk, case.pk + 10_000):  # another company's case; no case at all
        url = reverse("matching:case_detail", kwargs={"pk": pk})
        response = client.get(url)
        assert response.status_code == 404
        html = CSRF_TOKEN.sub("", response.content.decode())
        assert url not in html  # the page does not echo what was asked for
        pages.append(html)
    assert pages[0] == pages[1]
    assert case.company.name not in pages[0]


def test_the_csrf_failure_page_says_to_reload_and_send_again(english, smv_owner, password):
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(
        reverse("account_login"), {"login": smv_owner.email, "password": password}
    )
    assert response.status_code == 403
    html = _assert_site_layout(response, "core/errors/csrf_failure.html", "en")
    assert "nothing was saved" in html
    assert "copy it first" in html
    assert "Reload the page" in html and "send it again" in html
    assert "_auth_user_id" not in client.session


def test_the_rate_limit_answers_429_in_the_layout(client, smv_owner):
    url = reverse("account_reset_password")
    responses = [client.post(url, {"email": smv_owner.email}) for _ in range(8)]
    limited = [r for r in responses if r.status_code == 429]
    assert limited, [r.status_code for r in responses]
    _assert_site_layout(limited[0], "core/errors/429.html")


@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_shows_a_reference_that_is_in_the_log(failing, caplog, english):
    with caplog.at_level(logging.ERROR, logger="bifrost.core.errors"):
        response = failing.get("/test-errors/500/")
    assert response.status_code == 500
    html = response.content.decode()
    assert 'class="site-header' in html and 'class="site-footer' in html
    reference = REFERENCE.search(html).group(1)
    records = [r for r in caplog.records if r.name == "bifrost.core.errors"]
    assert len(records) == 1
    assert reference in records[0].getMessage()
    assert records[0].exc_info is not None  # the traceback is with it
    assert records[0].error_reference == reference
    assert "GET /test-errors/500/" in records[0].getMessage()  # which page failed
    assert "Hemmelig Hansen" not in html  # the exception's text is not on the page


@override_settings(ROOT_URLCONF=__name__)
def test_each_server_error_gets_its_own_reference(failing):
    first, second = (
        REFERENCE.search(failing.get("/test-errors/500/").content.decode()) for _ in "ab"
    )
    assert first.group(1) != second.group(1)


def test_the_500_page_makes_no_database_query(django_assert_num_queries, smv_owner):
    request = RequestFactory().get("/somewhere/")
    request.user = smv_owner
    with django_assert_num_queries(0):
        try:
            raise ValueError("a bug")
        except ValueError:
            response = errors.server_error(request)
    assert response.status_code == 500
    assert REFERENCE.search(response.content.decode())


def test_the_500_page_renders_when_a_context_processor_fails(failing, settings):  # noqa: F811
    engine = {**settings.TEMPLATES[0]}
    engine["OPTIONS"] = {
        **engine["OPTIONS"],
        "context_processors": [
            *engine["OPTIONS"]["context_processors"],
            f"{__name__}.broken_processor",
        ],
    }
    settings.TEMPLATES = [engine]
    response = failing.get(reverse("help"))
    assert response.status_code == 500
    html = response.content.decode()
    assert REFERENCE.search(html)
    assert 'class="site-footer' in html


def test_a_500_page_that_cannot_render_falls_back_to_plain_text(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("template broken")

    monkeypatch.setattr(errors, "render_to_string", broken)
    try:
        raise ValueError("a bug")
    except ValueError:
        response = errors.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/plain")
    assert "Reference: " in response.content.decode()
