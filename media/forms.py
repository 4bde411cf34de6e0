"""The admin image form: every upload is decoded completely before it is accepted.

Wagtail only sniffs an upload's format and reads its header. A truncated JPEG or PNG then
passed and broke every rendition later; a PNG whose ICC profile or text chunk expands past
Pillow's safety limit raised in the header check itself. Both were 500s for the editor.
Decoding the pixels once here (within WAGTAILIMAGES_MAX_IMAGE_PIXELS, checked before)
turns each of them into a form error that says what to do.
"""

import warnings
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

UNREADABLE = _(
    "This image file is damaged, incomplete or not really an image, so it cannot be shown. "
    "Please open it in an image program, save it again as JPEG, PNG or WebP and upload "
    "that file."
)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, plus a full decode of the pixels."""

    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # Pillow raises many kinds on hostile headers
            raise ValidationError(UNREADABLE, code="unreadable_image") from error
        if upload is not None:
            decode_completely(upload)
        return upload


def decode_completely(upload):
    """Raise ValidationError unless Pillow can read every pixel of `upload`."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(upload) as image:
                image.load()
    except Exception as error:  # truncated data, bad chunks, oversized metadata …
        raise ValidationError(UNREADABLE, code="unreadable_image") from error
    finally:
        upload.seek(0)


def title_from_filename(name):
    """ "IMG_2034-markt.jpg" → "IMG 2034-markt": a title to start from."""
    return PurePath(name).stem.replace("_", " ").strip()


class ImageForm(BaseImageForm):
    """Base of the admin's image forms (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    file = CheckedImageField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's image pages fill the title from the file name by script, the upload tab
        # of its image chooser does not: an empty title stopped an upload from a page form.
        if "title" in self.fields:
            self.fields["title"].required = False
            self.fields["title"].help_text = _("Left empty, the file name becomes the title.")

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if not cleaned_data.get("title") and upload:
            cleaned_data["title"] = title_from_filename(upload.name)
        if "title" in self.fields and not cleaned_data.get("title"):
            self.add_error("title", self.fields["title"].error_messages["required"])
        return cleaned_data
