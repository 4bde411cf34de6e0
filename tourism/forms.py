"""The admin form of a point of interest: opening-hours presets for the common cases."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.slugs import TranslatedSlugPageForm
from tourism.blocks import opening_hours_stream

EVERY_DAY = [0, 1, 2, 3, 4, 5, 6]


def all_year(days, opens, closes):
    """One season for the whole year with one time range on `days`."""
    return [{"start": None, "end": None, "weekly": [{"days": days, "ranges": [(opens, closes)]}]}]


# Most places in a small town open on one of a few patterns; one choice here replaces the
# dozen clicks of a season, a weekly row, seven weekdays and two times.
OPENING_HOURS_PRESETS = {
    "daily-10-18": (_("Daily 10:00–18:00"), all_year(EVERY_DAY, "10:00", "18:00")),
    "tue-sun-10-17": (
        _("Tuesday to Sunday 10:00–17:00 (museum)"),
        all_year([1, 2, 3, 4, 5, 6], "10:00", "17:00"),
    ),
    "mon-fri-9-17": (
        _("Monday to Friday 9:00–17:00 (office)"),
        all_year([0, 1, 2, 3, 4], "09:00", "17:00"),
    ),
    # Closing at 00:00 means midnight: the whole day.
    "always": (_("Always open (monument, park)"), all_year(EVERY_DAY, "00:00", "00:00")),
}


def opening_hours_preset_choices():
    return [("", _("No preset: enter the hours in the “Opening hours” tab"))] + [
        (key, label) for key, (label, _seasons) in OPENING_HOURS_PRESETS.items()
    ]


def opening_hours_from_preset(key):
    """Raw StreamField data of the preset `key`."""
    return opening_hours_stream(OPENING_HOURS_PRESETS[key][1])


class PointOfInterestPageForm(TranslatedSlugPageForm):
    """Adds the opening-hours preset: used only while no hours are entered, so an autosave
    after the editor refined the hours in their tab never overwrites them."""

    opening_hours_preset = forms.ChoiceField(
        label=_("Usual opening hours"),
        choices=opening_hours_preset_choices,
        required=False,
        help_text=_(
            "Pick the usual pattern; refine it or add seasons and holidays in the "
            "“Opening hours” tab. Only used while no hours are entered there."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        preset = cleaned_data.get("opening_hours_preset")
        hours = cleaned_data.get("opening_hours")
        if preset and "opening_hours" in cleaned_data and not hours:
            stream_block = self._meta.model._meta.get_field("opening_hours").stream_block
            cleaned_data["opening_hours"] = stream_block.to_python(
                opening_hours_from_preset(preset)
            )
        return cleaned_data
