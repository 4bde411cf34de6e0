"""A partner site that reads our API or embeds our widgets, identified by an optional key."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.origins import normalise_origin, split_origins


def new_api_key():
    return secrets.token_urlsafe(24)


# Widget tokens look different from keys, so a pasted key is recognised for what it is.
WIDGET_TOKEN_PREFIX = "wt_"


def new_widget_token():
    return WIDGET_TOKEN_PREFIX + secrets.token_urlsafe(18)


class PartnerQuerySet(models.QuerySet):
    def active_for_key(self, key):
        """The active partner holding `key`, or None (unknown, empty or switched off)."""
        if not key or len(key) > 200:
            return None
        return self.filter(active=True, api_key=key).first()

    def active_for_widget_token(self, token):
        """The active partner whose public widget token this is, or None."""
        if not token or len(token) > 200 or not token.startswith(WIDGET_TOKEN_PREFIX):
            return None
        return self.filter(active=True, widget_token=token).first()


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
            "One origin per line, e.g. https://hotel-example.de. Widgets with this "
            "partner's widget token may only be embedded there, and browsers may only send the "
            "API key from there. Empty: anywhere."
        ),
    )
    api_key = models.CharField(
        _("API key"), max_length=64, unique=True, default=new_api_key, editable=False
    )
    # Public: it stands in widget snippets on the partner's pages. It binds widgets to the
    # allowed origins and counts their use, but the API refuses it (no quota, no key).
    widget_token = models.CharField(
        _("widget token"), max_length=64, unique=True, default=new_widget_token, editable=False
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Switched off, the key is refused.")
    )
    rate_limit = models.PositiveIntegerField(
        _("rate limit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Requests per minute this key may make to the API, over all the partner's "
            "servers and visitors. Empty: the standard limit for keys."
        ),
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

    @property
    def requests_per_window(self):
        """The API requests this key may make per rate-limit window (a minute by default)."""
        return self.rate_limit or settings.API_RATE_LIMIT_PER_KEY

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

    def allows_origin(self, origin):
        """Whether a browser on `origin` (an Origin header) may use this partner's key."""
        allowed = self.origins()
        return not allowed or normalise_origin(origin or "") in allowed

    def issue_new_key(self):
        """Replace the key; the old one is refused from now on."""
        self.api_key = new_api_key()
        self.save(update_fields=["api_key"])


class PartnerUsage(models.Model):
    """How many requests a partner's key made on one day, per channel: numbers only."""

    API = "api"
    WIDGET = "widget"
    CHANNEL_CHOICES = [(API, _("API")), (WIDGET, _("Widgets"))]

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="usage", verbose_name=_("partner")
    )
    day = models.DateField(_("day"))
    channel = models.CharField(_("channel"), max_length=10, choices=CHANNEL_CHOICES)
    requests = models.PositiveIntegerField(_("requests"), default=0)
    limit_reached = models.PositiveIntegerField(
        _("rate limit reached"),
        default=0,
        help_text=_("Minutes (rate-limit windows) in which requests were refused."),
    )

    class Meta:
        ordering = ["partner", "-day", "channel"]
        verbose_name = _("partner usage")
        verbose_name_plural = _("partner usage")
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "day", "channel"], name="partner_usage_one_row_per_day"
            )
        ]

    def __str__(self):
        return f"{self.partner} {self.day} {self.channel}: {self.requests}"
