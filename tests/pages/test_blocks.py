"""Every body block shows a preview in the editor's block picker."""

import pytest
from django.urls import reverse

from pages.blocks import BodyBlock
from tests.factories.media import make_image

BODY_BLOCKS = list(BodyBlock().child_blocks.items())


@pytest.mark.parametrize(("name", "block"), BODY_BLOCKS, ids=[name for name, _ in BODY_BLOCKS])
def test_every_body_block_is_previewable_with_a_description(name, block):
    assert block.is_previewable, name
    assert block.get_description(), name


@pytest.mark.parametrize(("name", "block"), BODY_BLOCKS, ids=[name for name, _ in BODY_BLOCKS])
def test_block_previews_render_in_the_admin_with_the_site_stylesheet(admin_client, name, block):
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200, name
    html = response.content.decode()
    assert "css/site.css" in html
    assert f"block-{name}" in html


def test_the_image_preview_shows_the_newest_image_of_the_library(db):
    older, newest = make_image("Alt"), make_image("Neu")
    block = BodyBlock().child_blocks["image"]
    assert block.get_preview_value()["image"].pk == newest.pk != older.pk
