"""Broken and hostile files posted through the Wagtail admin give form errors, never a 500.

Every file is crafted byte by byte here, the way an attacker or a broken camera would.
"""

import io
import json
import struct
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.users.models import UserProfile

from media.forms import UNREADABLE
from media.models import CustomDocument, CustomImage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.raise_request_exception = False
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with(*extra_chunks, size=(8, 8)):
    """A valid small PNG with `extra_chunks` placed before its pixel data."""
    width, height = size
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    pixels = zlib.compress((b"\x00" + b"\x80\x40\x20" * width) * height)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + b"".join(extra_chunks)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def photo(kind, size=(320, 240)):
    buffer = io.BytesIO()
    image = PILImage.effect_noise(size, 64).convert("RGB")  # noise: little compresses away
    image.save(buffer, kind)
    return buffer.getvalue()


def upload_image(client, name, data, content_type="application/octet-stream"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, data, content_type=content_type),
            "collection": 1,
            "licence": "cc-by-4.0",
        },
    )


def file_errors(response):
    assert response.status_code == 200, response.status_code
    return [str(error) for error in response.context["form"].errors["file"]]


# Twice Pillow's 1 MB limit for decompressed metadata, compressed to a few kilobytes.
OVERSIZED = b"\x00" * (2 * 1024 * 1024)

HOSTILE_IMAGES = {
    "truncated.jpg": photo("JPEG")[:3000],
    "truncated.png": photo("PNG")[:5000],
    "icc-profile.png": png_with(chunk(b"iCCP", b"sRGB\x00\x00" + zlib.compress(OVERSIZED))),
    "text-chunk.png": png_with(chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(OVERSIZED))),
    "international-text.png": png_with(
        chunk(b"iTXt", b"Comment\x00\x01\x00de\x00\x00" + zlib.compress(OVERSIZED))
    ),
    "page.jpg": b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>",
    "drawing.png": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
    "garbage.webp": b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\xff" * 40,
}


@pytest.mark.parametrize("name", HOSTILE_IMAGES)
def test_hostile_image_is_a_form_error_and_stores_nothing(editor_client, name):
    response = upload_image(editor_client, name, HOSTILE_IMAGES[name])
    assert file_errors(response), name
    assert not CustomImage.objects.exists()


def test_truncated_jpeg_says_what_to_do(editor_client):
    response = upload_image(editor_client, "truncated.jpg", HOSTILE_IMAGES["truncated.jpg"])
    assert file_errors(response) == [str(UNREADABLE)]


def test_error_is_translated_for_german_editors(editor_client):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="editor"))
    profile.preferred_language = "de"
    profile.save()
    response = upload_image(editor_client, "truncated.png", HOSTILE_IMAGES["truncated.png"])
    assert "beschädigt" in file_errors(response)[0]


def test_hostile_image_in_the_multiple_upload_is_refused_as_json(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("icc.png", HOSTILE_IMAGES["icc-profile.png"])},
    )
    assert response.status_code == 200
    assert json.loads(response.content)["success"] is False
    assert not CustomImage.objects.exists()


def test_intact_photos_still_upload(editor_client):
    for kind, name in (("JPEG", "markt.jpg"), ("PNG", "plan.png"), ("WEBP", "turm.webp")):
        response = upload_image(editor_client, name, photo(kind))
        assert response.status_code == 302, response.context and response.context["form"].errors
    assert CustomImage.objects.count() == 3


@pytest.mark.parametrize(
    "name, data",
    [
        ("flyer.html", b"<html><script>alert(1)</script></html>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        ("setup.exe", b"MZ\x90\x00"),
        ("flyer.pdf.html", b"<html></html>"),
    ],
)
def test_documents_only_take_allowed_extensions(editor_client, name, data):
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, data), "collection": 1},
    )
    assert file_errors(response)
    assert not CustomDocument.objects.exists()
