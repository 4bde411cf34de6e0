"""Images and documents with the credits and licences tourism photos need."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage

from cms.i18n import translated_field_names

__all__ = ["CustomImage", "CustomRendition", "CustomDocument", "LICENCE_CHOICES"]

LICENCE_CHOICES = [
    ("all-rights-reserved", _("All rights reserved (used with permission)")),
    ("cc0", "CC0 1.0"),
    ("cc-by-4.0", "CC BY 4.0"),
    ("cc-by-sa-4.0", "CC BY-SA 4.0"),
    ("public-domain", _("Public domain")),
]
# get_licence_display() rebuilds this mapping on every call; credits show on every figure.
LICENCE_LABELS = dict(LICENCE_CHOICES)


class CustomImage(AbstractImage):
    """A photo or graphic; alt text and caption are written per language."""

    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Leave empty only for purely decorative images."
        ),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    credit = models.CharField(
        _("photographer / credit"),
        max_length=255,
        blank=True,
        help_text=_("Shown next to the image, e.g. “Foto: Anna Muster”."),
    )
    # No default: "all rights reserved" claimed something nobody had checked. Editors
    # choose the licence when they upload (docs/editors.md); the form requires it.
    licence = models.CharField(_("licence"), max_length=32, choices=LICENCE_CHOICES)
    source_url = models.URLField(_("source"), blank=True)

    # Per-language columns are added by media/translation.py; editors fill them side by side.
    # Wagtail's own "description" is its alt text too: one alt-text field per language is
    # enough, so it stays out of the form (default_alt_text still reads it).
    admin_form_fields = (
        tuple(name for name in WagtailImage.admin_form_fields if name != "description")
        + translated_field_names("alt_text", "caption")
        + ("credit", "licence", "source_url")
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    @property
    def default_alt_text(self):
        return self.alt_text or self.description or self.title

    @property
    def credit_line(self):
        """Credit and licence in one line, as shown under the image."""
        parts = [self.credit] if self.credit else []
        if self.licence and self.licence != "all-rights-reserved":
            parts.append(LICENCE_LABELS.get(self.licence, self.licence))
        return " · ".join(str(part) for part in parts)

    def get_rendition(self, filter):
        """The rendition for one filter, written to the cache only when not read from it.

        Wagtail's own `get_rendition` stores every rendition in the cache again, even one
        just taken from the renditions prefetched with a list (one Redis round trip per
        picture of every result list); `get_renditions` skips those writes.
        """
        return next(iter(self.get_renditions(filter).values()))


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    """A downloadable file, e.g. a flyer or a timetable, described per language."""

    description = models.TextField(_("description"), blank=True)

    admin_form_fields = WagtailDocument.admin_form_fields + translated_field_names("description")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]
