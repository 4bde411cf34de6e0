"""Every page type, in German and English, passes axe-core's WCAG 2.1 A/AA rules in Chromium."""

from pathlib import Path

import pytest

from .conftest import LANGUAGES, PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# axe-core from its npm package (see vendor/README.md), never fetched at test time.
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def axe_page(browser_context):
    # An init script runs outside the page's Content-Security-Policy, an injected <script> not.
    browser_context.add_init_script(path=AXE)
    return browser_context.new_page()


def test_every_page_type_of_the_demo_is_checked(demo_server):
    assert set(demo_server) == set(PAGE_TYPES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_has_no_wcag_21_aa_violations(demo_server, axe_page, page_type, language):
    url = demo_server[page_type][language]

    response = axe_page.goto(url)
    results = axe_page.evaluate("(options) => axe.run(document, options)", WCAG_21_AA)

    assert response.status == (404 if page_type == "404" else 200), url
    assert axe_page.evaluate("document.documentElement.lang") == language, url
    assert results["passes"], f"axe checked nothing on {url}"
    assert results["violations"] == [], describe(url, results["violations"])


# What axe cannot see: where the keyboard focus is. Described per focused element.
FOCUSED_ELEMENT = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    html: element.outerHTML.slice(0, 120),
    outlined: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    onScreen: box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.width > 0,
  };
}"""


@pytest.mark.parametrize("page_type", ["HomePage", "PointOfInterestIndexPage", "RoutePage"])
def test_the_keyboard_focus_starts_at_the_skip_link_and_is_always_visible(
    demo_server, browser_context, page_type
):
    page = browser_context.new_page()
    page.goto(demo_server[page_type]["de"])

    focused = []
    for _ in range(25):
        page.keyboard.press("Tab")
        focused.append(page.evaluate(FOCUSED_ELEMENT))

    assert 'class="skip-link"' in focused[0]["html"]
    assert [f for f in focused if not (f["outlined"] and f["onScreen"])] == []


def describe(url, violations):
    lines = [f"{len(violations)} axe violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"      {summary[:300]}")
    return "\n".join(lines)
