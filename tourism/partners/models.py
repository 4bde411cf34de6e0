"""A partner site that reads our API or embeds our widgets, identified by an optional key."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tourism.partners.origins import normalise_origin, split_origins


def new_api_key():
    return secrets.token_urlsafe(24)


class PartnerQuerySet(models.QuerySet):
    def active_for_key(self, key):
        """The active partner holding `key`, or None (unknown, empty or switched off)."""
        if not key or len(key) > 200:
            return None
        return self.filter(active=True, api_key=key).first()


class Partner(models.Model):
    """A hotel, tourist office or regional portal using the open API or the widgets."""

    name = models.CharField(_("name"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    allowed_origins = models.TextField(
        _("allowed origins"),
        blank=True,
        help_text=_(
            "One origin per line, e.g. https://hotel-example.de. Widgets requested with this "
            "partner's key may only be embedded there. Empty: anywhere."
        ),
    )
    api_key = models.CharField(
        _("API key"), max_length=64, unique=True, default=new_api_key, editable=False
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Switched off, the key is refused.")
    )
    notes = models.TextField(_("internal notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    def clean(self):
        for line in split_origins(self.allowed_origins):
            if normalise_origin(line) is None:
                raise ValidationError(
                    {
                        "allowed_origins": _(
                            "“%(origin)s” is not an origin; write scheme and host, "
                            "e.g. https://hotel-example.de"
                        )
                        % {"origin": line}
                    }
                )
        self.allowed_origins = "\n".join(
            normalise_origin(line) for line in split_origins(self.allowed_origins)
        )

    def origins(self):
        """The allowed origins as a list ('https://host[:port]'); empty means anywhere."""
        return [o for o in map(normalise_origin, split_origins(self.allowed_origins)) if o]
