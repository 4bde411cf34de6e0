"""Error pages stand alone (no database, no menu), speak the visitor's language, lead home."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation


@pytest.mark.parametrize(
    ("template", "context", "german"),
    [
        ("400.html", {}, "Die Anfrage war nicht verständlich."),
        ("400.html", {"message": "Zu lang."}, "Zu lang."),
        ("429.html", {"retry_after": 30}, "30"),
        ("500.html", {}, "Fehler"),
    ],
)
def test_error_pages_are_german_noindex_and_link_home(template, context, german):
    with translation.override("de"):
        html = render_to_string(template, context | {"LANGUAGE_CODE": "de"})
    assert german in html
    assert '<html lang="de">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert '<a href="/">' in html
    assert "<title>" in html and "<h1>" in html
