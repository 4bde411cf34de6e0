"""The public site runs without inline code; only the admin gets 'unsafe-inline'."""

import re

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


def test_signed_in_editors_get_the_strict_policy_on_public_pages(client, museum):
    # An injected script would otherwise run exactly in the sessions that can publish.
    editor = get_user_model().objects.create_superuser("csp", "csp@example.org", "secret-csp")
    client.force_login(editor)
    for url in ("/robots.txt", "/de/", museum.url, "/de/suche/?q=museum"):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url


def test_public_pages_need_no_inline_code_for_editors(client, museum):
    # Wagtail's user bar is not part of our templates; nothing inline is added for editors.
    editor = get_user_model().objects.create_superuser("csp", "csp@example.org", "secret-csp")
    client.force_login(editor)
    html = client.get(museum.url).content.decode()
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts
    for tag in scripts:
        assert " src=" in tag or 'type="application/ld+json"' in tag, tag


def test_draft_previews_render_under_the_strict_policy(client, museum):
    # Our pages need no inline code, so even the admin's draft view of a page keeps it out.
    editor = get_user_model().objects.create_superuser("csp", "csp@example.org", "secret-csp")
    client.force_login(editor)
    response = client.get(f"/admin/pages/{museum.pk}/view_draft/")
    assert response.status_code == 200
    assert "Museum" in response.content.decode()
    assert directives(response)["script-src"] == ["'self'"]


def test_the_policy_choice_does_not_make_anonymous_answers_vary_by_cookie(client):
    assert "Cookie" not in client.get("/robots.txt").get("Vary", "")
