from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class TranslationState(models.Model):
    """Whether one translated field of a page still matches its German text."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="translation_states")
    field_name = models.CharField(_("field"), max_length=100)
    language = models.CharField(_("language"), max_length=10)
    # Hashes of the German text and of the translation when they were last seen, so a save
    # tells which of the two changed.
    source_hash = models.CharField(max_length=64)
    translation_hash = models.CharField(max_length=64, blank=True)
    outdated = models.BooleanField(_("outdated"), default=False)
    source_changed_at = models.DateTimeField(_("German text changed"), null=True, blank=True)
    translated_at = models.DateTimeField(_("translation edited"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    class Meta:
        verbose_name = _("translation state")
        verbose_name_plural = _("translation states")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "field_name", "language"], name="one_state_per_page_field_language"
            )
        ]
        indexes = [models.Index(fields=["language", "outdated"], name="translation_outdated")]

    def __str__(self):
        return f"{self.page_id} {self.field_name}_{self.language}"
