"""Colours of a widget: the theme palettes and a partner's accent made readable on them.

Any #rrggbb accent is accepted. Filled areas (the "more" button, the top rule) use it
as given with black or white text, whichever contrasts more: one of the two always
reaches 4.5:1. Links and map lines need the accent *on the background*; there it is
darkened (light theme) or lightened (dark theme) until it reaches WCAG AA (4.5:1)
against the page and the cards.
"""

import re
from dataclasses import dataclass

HEX_COLOUR = re.compile(r"^#[0-9a-f]{6}$")
DEFAULT_ACCENT = "#0b5a3c"  # the site's own green (cms/static/css/site.css)
AA_TEXT = 4.5
BLACK, WHITE = "#000000", "#ffffff"
MIX_STEP = 0.05

# Page and card backgrounds of each theme (widget.css uses the same values); route
# drawings stay light in every theme, on the paper colour of tourism/svg.py.
LIGHT_BACKGROUNDS = ("#ffffff", "#f3f6f4", "#f6f4ef")
DARK_BACKGROUNDS = ("#15181c", "#23282e")


def is_hex_colour(value: str) -> bool:
    return bool(HEX_COLOUR.match(value))


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _hex(channels) -> str:
    return "#" + "".join(f"{round(min(255, max(0, c))):02x}" for c in channels)


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(colour: str) -> str:
    """Black or white, whichever is more readable on `colour` (never below 4.5:1)."""
    return BLACK if contrast_ratio(colour, BLACK) >= contrast_ratio(colour, WHITE) else WHITE


def mix(colour: str, other: str, share: float) -> str:
    """`colour` moved `share` (0–1) of the way towards `other`, channel by channel."""
    pairs = zip(_channels(colour), _channels(other), strict=True)
    return _hex(a + (b - a) * share for a, b in pairs)


def readable_on(colour: str, backgrounds) -> str:
    """`colour`, shaded towards black or white until it reaches 4.5:1 on every background."""
    # Towards whichever end contrasts with the backgrounds: black on light, white on dark.
    target = text_on(backgrounds[0])
    share = 0.0
    candidate = colour
    while min(contrast_ratio(candidate, bg) for bg in backgrounds) < AA_TEXT and share < 1:
        share = min(1.0, share + MIX_STEP)
        candidate = mix(colour, target, share)
    return candidate


@dataclass(frozen=True)
class Palette:
    """The accent and what is derived from it; custom properties for widget.css."""

    accent: str
    on_accent: str
    link_light: str
    link_dark: str

    @classmethod
    def for_accent(cls, accent: str = DEFAULT_ACCENT) -> "Palette":
        accent = accent.lower()
        if not is_hex_colour(accent):
            raise ValueError(f"not a #rrggbb colour: {accent!r}")
        return cls(
            accent=accent,
            on_accent=text_on(accent),
            link_light=readable_on(accent, LIGHT_BACKGROUNDS),
            link_dark=readable_on(accent, DARK_BACKGROUNDS),
        )

    def css(self) -> str:
        """The `:root` rule of the page's one inline style (allowed by its hash in the CSP)."""
        return (
            f":root{{--accent:{self.accent};--on-accent:{self.on_accent};"
            f"--link-light:{self.link_light};--link-dark:{self.link_dark}}}"
        )
