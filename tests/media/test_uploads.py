"""Uploads that would cost the server dearly or carry scripts are refused."""

import io
import struct
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from media.models import CustomImage


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def tiny_png_claiming(width, height):
    """A valid PNG header announcing a huge image, compressed to a few kilobytes."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    pixels = zlib.compress(row * height, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def jpeg_bytes(size=(64, 48)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (10, 90, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


def upload(client, name, data, content_type):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, data, content_type=content_type),
            "collection": 1,
            "licence": "cc-by-4.0",
            "credit": "Foto: Anna Muster",
        },
    )


@pytest.mark.django_db
def test_an_ordinary_photo_uploads_with_credit_fields(editor_client):
    response = upload(editor_client, "markt.jpg", jpeg_bytes(), "image/jpeg")
    assert response.status_code == 302, response.context["form"].errors
    image = CustomImage.objects.get(title="markt.jpg")
    assert (image.width, image.height) == (64, 48)
    assert image.credit_line == "Foto: Anna Muster · CC BY 4.0"


@pytest.mark.django_db
def test_decompression_bomb_png_is_refused(editor_client):
    data = tiny_png_claiming(11000, 11000)  # 121 megapixels
    assert len(data) < 200_000
    response = upload(editor_client, "bomb.png", data, "image/png")
    assert response.status_code == 200
    assert not CustomImage.objects.filter(title="bomb.png").exists()


@pytest.mark.django_db
def test_svg_is_refused(editor_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload(editor_client, "logo.svg", svg, "image/svg+xml")
    assert response.status_code == 200
    assert not CustomImage.objects.filter(title="logo.svg").exists()


@pytest.mark.django_db
def test_image_alt_text_and_caption_are_editable_per_language(editor_client):
    upload(editor_client, "tor.jpg", jpeg_bytes(), "image/jpeg")
    image = CustomImage.objects.get(title="tor.jpg")
    response = editor_client.get(reverse("wagtailimages:edit", args=[image.pk]))
    html = response.content.decode()
    for name in ("alt_text_de", "alt_text_en", "caption_de", "credit", "licence"):
        assert f'name="{name}"' in html
