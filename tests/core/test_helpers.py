"""The small shared helpers of `bifrost.core`."""

import pytest
from django.http import Http404

from bifrost.accounts.models import Organisation
from bifrost.core import cells, emails, http, slugs
from bifrost.core.access import object_or_404
from bifrost.core.rules import QueryRule
from tests import factories


def test_is_htmx_reads_the_htmx_header(rf):
    assert http.is_htmx(rf.get("/", headers={"HX-Request": "true"}))
    assert not http.is_htmx(rf.get("/"))


def test_absolute_url_uses_the_site_url_not_the_request_host(settings):
    settings.SITE_URL = "https://bifrost.example/"
    assert http.absolute_url("/knowledge/") == "https://bifrost.example/knowledge/"
    assert http.absolute_url("healthz") == "https://bifrost.example/healthz"


@pytest.mark.parametrize("text", ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx"])
def test_cells_that_start_like_a_formula_get_an_apostrophe(text):
    assert cells.neutralise(text) == "'" + text


def test_ordinary_cells_and_numbers_are_left_alone():
    assert cells.neutralise("Vores mål") == "Vores mål"
    assert cells.neutralise(-3) == -3


def test_slugs_spell_out_danish_letters():
    assert slugs.ascii_slug("Kør med sygefravær på Ærø") == "koer-med-sygefravaer-paa-aeroe"
    assert slugs.ascii_slug("!!!", fallback="fil") == "fil"


def test_emails_render_in_the_language_asked_for_and_danish_by_default(db):
    context = {
        "organisation_name": "Testfirma",
        "role_label": "SMV-ejer",
        "inviter_name": "",
        "accept_url": "https://x/",
        "expires_at": None,
    }
    subject_da, _ = emails.render("accounts/email/invitation", context)
    subject_en, _ = emails.render("accounts/email/invitation", context, language="en")
    assert subject_da != subject_en
    assert "\n" not in subject_da


def _organisations_named_a(user, queryset):
    return queryset.filter(name__startswith="A")


def test_a_query_rule_answers_the_list_and_the_object_question_alike(db):
    user = factories.smv_owner()
    rule = QueryRule("named_a", _organisations_named_a)
    alpha = factories.OrganisationFactory(name="Alfa ApS")
    beta = factories.OrganisationFactory(name="Beta ApS")
    listed = set(rule(user, Organisation.objects.all()))
    assert alpha in listed and beta not in listed
    assert rule.predicate.test(user, alpha)
    assert not rule.predicate.test(user, beta)
    assert not rule.predicate.test(user, None)


def test_a_query_rule_reaches_nothing_for_an_anonymous_person(db):
    from django.contrib.auth.models import AnonymousUser

    rule = QueryRule("named_a", _organisations_named_a)
    factories.OrganisationFactory(name="Alfa ApS")
    assert not rule(AnonymousUser(), Organisation.objects.all()).exists()


def test_object_or_404_gives_the_same_404_for_missing_and_forbidden(db):
    user = factories.smv_owner()
    own = user.memberships.first().organisation
    other = factories.OrganisationFactory(name="Fremmed ApS")
    queryset = Organisation.objects.all()
    assert object_or_404(queryset, pk=own.pk, user=user, perm="accounts.view_organisation") == own
    for pk in (other.pk, 10**9):
        with pytest.raises(Http404):
            object_or_404(queryset, pk=pk, user=user, perm="accounts.view_organisation")
