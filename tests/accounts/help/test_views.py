"""The help and contact page, the footer's links, and the password reset's "contact us"."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_help_page_is_public_and_gives_the_support_address(client, english, settings):
    settings.SUPPORT_EMAIL = "hjaelp@bifrost.example"
    response = client.get(reverse("help"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="mailto:hjaelp@bifrost.example"' in html
    assert f'href="{reverse("account_reset_password")}"' in html
    assert f'href="{reverse("accounts:privacy")}"' in html
    assert "do not write health details" in html


@pytest.mark.parametrize("signed_in", [False, True])
def test_every_page_links_privacy_and_help_in_the_footer(client, smv_owner, signed_in):
    if signed_in:
        client.force_login(smv_owner)
    html = client.get(reverse("front_page")).content.decode()
    footer = html[html.index('<footer class="site-footer') :]
    assert f'href="{reverse("accounts:privacy")}"' in footer
    assert f'href="{reverse("help")}"' in footer


@pytest.mark.parametrize("url_name", ["account_reset_password", "account_reset_password_done"])
def test_the_password_reset_says_how_to_contact_us(client, english, settings, url_name):
    settings.SUPPORT_EMAIL = "hjaelp@bifrost.example"
    html = client.get(reverse(url_name)).content.decode()
    contact = html[html.index('id="contact-us"') :]
    contact = contact[: contact.index("</p>")]
    assert 'href="mailto:hjaelp@bifrost.example"' in contact
    assert f'href="{reverse("help")}"' in contact
