"""The usage chart: well-formed SVG, bars to scale, texts escaped."""

from datetime import date, timedelta

import pytest
from defusedxml import ElementTree
from django.utils import translation

from partners.charts import nice_ceiling, usage_chart_svg

SVG = "{http://www.w3.org/2000/svg}"


def rows(*totals):
    first = date(2026, 11, 1)
    return [
        {"day": first + timedelta(days=n), "api": api, "widget": widget, "total": api + widget}
        for n, (api, widget) in enumerate(totals)
    ]


@pytest.mark.parametrize(
    ("value", "ceiling"), [(0, 1), (1, 1), (3, 5), (7, 10), (10, 10), (11, 20), (480, 500)]
)
def test_the_scale_ends_at_a_round_number(value, ceiling):
    assert nice_ceiling(value) == ceiling


def test_bars_are_stacked_to_scale():
    with translation.override("en"):
        svg = usage_chart_svg(rows((30, 10), (0, 0), (5, 0)))
    drawing = ElementTree.fromstring(str(svg))
    groups = drawing.findall(f"{SVG}g")
    assert len(groups) == 3
    api, widget = groups[0].findall(f"{SVG}rect")
    # 40 of a 50 scale: api 30/50 and widgets 10/50 of the plot height (184 px).
    assert float(api.get("height")) == pytest.approx(184 * 30 / 50, abs=0.1)
    assert float(widget.get("height")) == pytest.approx(184 * 10 / 50, abs=0.1)
    assert float(widget.get("y")) + float(widget.get("height")) == pytest.approx(
        float(api.get("y")), abs=0.1
    )
    assert "30 API, 10 widgets" in groups[0].find(f"{SVG}title").text


def test_the_chart_is_an_image_with_a_title_and_description():
    drawing = ElementTree.fromstring(str(usage_chart_svg(rows((1, 0)))))
    assert drawing.get("role") == "img"
    assert drawing.find(f"{SVG}title").text
    assert drawing.find(f"{SVG}desc").text


def test_an_empty_period_still_draws():
    ElementTree.fromstring(str(usage_chart_svg([])))
