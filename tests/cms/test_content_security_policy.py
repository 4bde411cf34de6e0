"""The public site runs without inline code; only the admin gets 'unsafe-inline'."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    parts = (part.strip().split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


def test_public_pages_allow_no_inline_scripts_or_styles(client):
    response = client.get("/robots.txt")
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_gets_inline_scripts_and_styles_but_is_never_framed(client):
    response = client.get("/admin/login/")
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_signed_in_editors_get_the_admin_policy_on_public_pages(client):
    # Page previews and Wagtail's user bar inject inline code for editors.
    editor = get_user_model().objects.create_superuser("csp", "csp@example.org", "secret-csp")
    client.force_login(editor)
    policy = directives(client.get("/robots.txt"))
    assert "'unsafe-inline'" in policy["script-src"]


def test_the_policy_choice_does_not_make_anonymous_answers_vary_by_cookie(client):
    assert "Cookie" not in client.get("/robots.txt").get("Vary", "")
