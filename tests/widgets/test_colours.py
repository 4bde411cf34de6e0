"""Any accent colour gives readable widgets (WCAG AA) in the light and the dark theme."""

import itertools

import pytest

from tourism.svg import PAPER
from widgets.colours import (
    DARK_BACKGROUNDS,
    LIGHT_BACKGROUNDS,
    Palette,
    contrast_ratio,
)

# Every 51st step of each channel: 216 colours from black to white, all hues and greys.
SAMPLE_ACCENTS = [
    "#" + "".join(f"{channel:02x}" for channel in rgb)
    for rgb in itertools.product(range(0, 256, 51), repeat=3)
]
# widget.css: text and muted text on page and cards, per theme.
THEMES = {
    "light": {"ink": "#1b1f23", "muted": "#4a5560", "backgrounds": LIGHT_BACKGROUNDS},
    "dark": {"ink": "#eef1f4", "muted": "#b8c0c8", "backgrounds": DARK_BACKGROUNDS},
}


def test_contrast_ratio_matches_wcag_examples():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#0b5a3c", "#0b5a3c") == pytest.approx(1)


@pytest.mark.parametrize("theme", THEMES)
def test_theme_texts_are_readable_on_page_and_cards(theme):
    colours = THEMES[theme]
    for background in colours["backgrounds"]:
        assert contrast_ratio(colours["ink"], background) >= 7
        assert contrast_ratio(colours["muted"], background) >= 4.5


@pytest.mark.parametrize("accent", SAMPLE_ACCENTS)
def test_any_accent_gives_readable_buttons_and_links_in_both_themes(accent):
    palette = Palette.for_accent(accent)
    assert contrast_ratio(palette.on_accent, palette.accent) >= 4.5
    for background in LIGHT_BACKGROUNDS:
        assert contrast_ratio(palette.link_light, background) >= 4.5
    for background in DARK_BACKGROUNDS:
        assert contrast_ratio(palette.link_dark, background) >= 4.5
    # Route drawings stay light; their stop numbers are white on the link colour.
    assert contrast_ratio(palette.link_light, PAPER) >= 4.5
    assert contrast_ratio("#ffffff", palette.link_light) >= 4.5


def test_a_readable_accent_is_kept_as_it_is():
    palette = Palette.for_accent("#0b5a3c")
    assert palette.link_light == "#0b5a3c"
    assert palette.on_accent == "#ffffff"


def test_a_pale_accent_is_darkened_for_links_but_filled_areas_keep_it():
    palette = Palette.for_accent("#FFFF00")
    assert palette.accent == "#ffff00"
    assert palette.on_accent == "#000000"
    assert palette.link_light != "#ffff00"
    assert palette.link_dark == "#ffff00"


def test_only_hex_colours_become_css():
    with pytest.raises(ValueError):
        Palette.for_accent("red;}body{display:none")
    assert Palette.for_accent("#123456").css() == (
        ":root{--accent:#123456;--on-accent:#ffffff;--link-light:#123456;--link-dark:#889aaa}"
    )
