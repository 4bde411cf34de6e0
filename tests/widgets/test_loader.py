"""The loader script: small, pinned by its hash, and never writing HTML into partner pages."""

import base64
import gzip
import hashlib
import re

import pytest

from widgets.loader import loader_integrity, loader_path

# The hash partners have in their snippets. Changing embed.v1.js breaks every one of them:
# publish embed.v2.js instead (see widgets/loader.py and docs/widgets.md).
PUBLISHED_V1_INTEGRITY = "sha384-8w4OzXo/VJqSxx7PB423ZkM7pllFUwT1QhPt0ziH6qwFMSS64P/PAiIwNyWxlgYB"
LOADER_BUDGET_GZIP_BYTES = 5 * 1024

pytestmark = pytest.mark.django_db


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def served_loader(client):
    response = client.get("/widgets/embed.v1.js", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    body = response.content
    return gzip.decompress(body) if response.get("Content-Encoding") == "gzip" else body


def test_published_loader_never_changes():
    assert sri(loader_path().read_bytes()) == PUBLISHED_V1_INTEGRITY


def test_integrity_attribute_matches_the_served_bytes(client):
    assert loader_integrity() == sri(served_loader(client))


def test_loader_fits_its_budget_compressed(client):
    assert len(gzip.compress(served_loader(client), 9)) <= LOADER_BUDGET_GZIP_BYTES


def test_loader_builds_elements_with_dom_calls_only():
    source = loader_path().read_text()
    for html_writer in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "srcdoc",
        "eval(",
        "Function(",
    ):
        assert html_writer not in source, html_writer
    assert 'document.createElement("iframe")' in source


def test_loader_trusts_only_height_messages_from_its_own_frames():
    source = loader_path().read_text()
    assert "event.origin !== origin" in source
    assert "entry.frame.contentWindow !== event.source" in source
    # The origin is the script's own, not the page's.
    assert re.search(r"origin = new URL\(script\.src\)\.origin", source)


def test_loader_knows_every_option_of_every_widget():
    from widgets.options import KINDS

    source = loader_path().read_text()
    listed = set(
        re.search(r"var OPTIONS = \[([^\]]+)\]", source)
        .group(1)
        .replace('"', "")
        .replace("\n", "")
        .replace(" ", "")
        .split(",")
    )
    assert listed == {option for kind in KINDS.values() for option in kind.options}
