"""Images for tests: real JPEG files in the test media folder."""

import io

from django.core.files.images import ImageFile
from PIL import Image

from media.models import CustomImage


def make_image(title="Markt", credit="Foto: Anna Muster", licence="cc-by-4.0"):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (120, 160, 200)).save(buffer, "JPEG")
    return CustomImage.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"{title.lower()}.jpg"),
        credit=credit,
        licence=licence,
    )
