"""A bar chart of a partner's requests per day, as inline SVG drawn on the server.

No JavaScript; the report shows the same numbers as a table next to it, so the drawing
is a picture with a title and a description. Texts go through `format_html` (escaped).
"""

import math

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

# Presentation attributes, not style attributes: the admin's CSP blocks inline styles.
# Both bar colours reach 3:1 against white, and differ in lightness for colour blindness.
INK = "#1f2328"
GRID = "#d0ccc2"
API_COLOUR = "#0b5394"
WIDGET_COLOUR = "#c2571a"
MARGIN_LEFT = 56
MARGIN_RIGHT = 8
MARGIN_TOP = 28
MARGIN_BOTTOM = 28


def nice_ceiling(value):
    """The smallest of 1, 2, 5, 10, 20, 50 … that is at least `value` (and at least 1)."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def usage_chart_svg(rows, width=720, height=240) -> SafeString:
    """Stacked bars (API below, widgets above) for `usage.daily_usage` rows, oldest first."""
    top = nice_ceiling(max((row["total"] for row in rows), default=0))
    plot_width = width - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = height - MARGIN_TOP - MARGIN_BOTTOM
    slot = plot_width / max(len(rows), 1)
    bar = max(slot * 0.7, 1)
    baseline = MARGIN_TOP + plot_height

    def y(value):
        return baseline - value / top * plot_height

    bars = []
    for index, row in enumerate(rows):
        x = MARGIN_LEFT + index * slot + (slot - bar) / 2
        label = _("%(day)s: %(api)s API, %(widget)s widgets") % {
            "day": date_format(row["day"], "SHORT_DATE_FORMAT"),
            "api": number_format(row["api"], force_grouping=True),
            "widget": number_format(row["widget"], force_grouping=True),
        }
        bars.append(
            format_html(
                '<g><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/></g>',
                label,
                _num(x),
                _num(y(row["api"])),
                _num(bar),
                _num(baseline - y(row["api"])),
                API_COLOUR,
                _num(x),
                _num(y(row["total"])),
                _num(bar),
                _num(y(row["api"]) - y(row["total"])),
                WIDGET_COLOUR,
            )
        )
    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
        '<text x="{}" y="{}" text-anchor="end" font-size="12" fill="{}">{}</text>',
        (
            (
                MARGIN_LEFT,
                width - MARGIN_RIGHT,
                _num(y(value)),
                _num(y(value)),
                GRID,
                MARGIN_LEFT - 6,
                _num(y(value) + 4),
                INK,
                number_format(value, force_grouping=True),
            )
            for value in ((0, top // 2, top) if top % 2 == 0 else (0, top))
        ),
    )
    day_labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="{}" font-size="12" fill="{}">{}</text>',
        (
            (
                _num(MARGIN_LEFT + index * slot + slot / 2),
                height - 8,
                anchor,
                INK,
                date_format(rows[index]["day"], "SHORT_DATE_FORMAT"),
            )
            for index, anchor in ((0, "start"), (len(rows) - 1, "end"))
            if rows
        ),
    )
    legend = format_html(
        '<rect x="{}" y="6" width="12" height="12" fill="{}"/>'
        '<text x="{}" y="16" font-size="12" fill="{}">{}</text>'
        '<rect x="{}" y="6" width="12" height="12" fill="{}"/>'
        '<text x="{}" y="16" font-size="12" fill="{}">{}</text>',
        MARGIN_LEFT,
        API_COLOUR,
        MARGIN_LEFT + 18,
        INK,
        _("API"),
        MARGIN_LEFT + 90,
        WIDGET_COLOUR,
        MARGIN_LEFT + 108,
        INK,
        _("Widgets"),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" '
        'role="img" aria-labelledby="usage-chart-title usage-chart-desc" class="usage-chart">'
        '<title id="usage-chart-title">{}</title><desc id="usage-chart-desc">{}</desc>'
        "{}{}{}{}</svg>",
        width,
        height,
        _("Requests per day"),
        _("API requests and widget requests per day; the table below lists the numbers."),
        grid,
        SafeString("".join(bars)),
        day_labels,
        legend,
    )


def _num(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")
