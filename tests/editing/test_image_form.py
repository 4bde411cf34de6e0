"""The image form asks for one alt text and a licence the editor chose."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from media.models import CustomImage
from tests.factories.tourism import PointOfInterestIndexPageFactory, PointOfInterestPageFactory
from tests.media.test_uploads import jpeg_bytes


def upload(client, **fields):
    data = {
        "title": "Markt",
        "file": SimpleUploadedFile("markt.jpg", jpeg_bytes(), content_type="image/jpeg"),
        "collection": 1,
        "alt_text_de": "Der Marktplatz mit dem Roland",
        **fields,
    }
    return client.post(reverse("wagtailimages:add"), data)


@pytest.mark.django_db
def test_upload_form_has_one_alt_text_field_and_no_preset_licence(german_editor):
    response = german_editor.get(reverse("wagtailimages:add"))
    form = response.context["form"]
    assert "description" not in form.fields
    assert "alt_text_de" in form.fields
    assert form.fields["licence"].required
    assert form["licence"].value() in ("", None)
    assert "Beschreibung" not in response.content.decode()


@pytest.mark.django_db
def test_upload_without_licence_is_refused_in_german(german_editor):
    response = upload(german_editor)
    assert response.status_code == 200
    assert response.context["form"].errors["licence"] == ["Dieses Feld muss ausgefüllt werden."]
    assert not CustomImage.objects.exists()


@pytest.mark.django_db
def test_upload_with_chosen_licence_saves_alt_text(german_editor):
    response = upload(german_editor, licence="cc-by-4.0")
    assert response.status_code == 302
    image = CustomImage.objects.get()
    assert image.licence == "cc-by-4.0"
    assert image.default_alt_text == "Der Marktplatz mit dem Roland"


@pytest.mark.django_db
def test_gallery_add_button_says_add_image(german_editor, home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    place = PointOfInterestPageFactory(parent=index)
    html = german_editor.get(reverse("wagtailadmin_pages:edit", args=[place.pk])).content.decode()
    assert "Bild hinzufügen" in html
    assert "Galerie hinzufügen" not in html


@pytest.mark.django_db
def test_upload_without_title_takes_the_file_name(german_editor):
    response = upload(german_editor, title="", licence="cc-by-4.0")
    assert response.status_code == 302
    assert CustomImage.objects.get().title == "markt"


@pytest.mark.django_db
def test_upload_from_the_image_chooser_needs_no_title(german_editor):
    """The chooser's upload tab, opened from a page form, does not fill the title itself."""
    response = german_editor.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "",
            "image-chooser-upload-file": SimpleUploadedFile(
                "Webstuhl_Heimatstube.jpg", jpeg_bytes(), content_type="image/jpeg"
            ),
            "image-chooser-upload-collection": 1,
            "image-chooser-upload-alt_text_de": "Webstuhl",
            "image-chooser-upload-licence": "cc-by-4.0",
        },
    )
    assert response.status_code == 200
    assert response.json()["step"] == "chosen"
    assert CustomImage.objects.get().title == "Webstuhl Heimatstube"


@pytest.mark.django_db
def test_upload_without_title_or_file_names_both(german_editor):
    response = german_editor.post(
        reverse("wagtailimages:add"),
        {"title": "", "collection": 1, "licence": "cc-by-4.0"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["title"] == ["Dieses Feld muss ausgefüllt werden."]
    assert "file" in errors
