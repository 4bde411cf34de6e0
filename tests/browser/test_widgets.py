"""A partner's site on another origin embeds our widgets with the loader, in real Chromium.

The partner page (127.0.0.2, see conftest.PartnerSite) carries the snippet the configurator
gives out, integrity hash included; the widgets come from the demo server (127.0.0.1).
"""

import html as html_module
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from .conftest import is_local

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# axe-core as in test_accessibility.py, injected into every frame by an init script.
AXE = Path(__file__).parent / "vendor" / "axe.min.js"

# How tall the iframe is, and how tall the widget's document inside it.
IFRAME_HEIGHT = "(frame) => Math.round(frame.getBoundingClientRect().height)"
CONTENT_HEIGHT = "() => Math.ceil(document.documentElement.getBoundingClientRect().height)"


def server_origin(demo_server):
    parts = urlsplit(demo_server["HomePage"]["de"])
    return f"{parts.scheme}://{parts.netloc}"


def demo_ids():
    from pages.models import EventPage
    from tourism.models import PointOfInterestPage, RoutePage

    return {
        "poi": PointOfInterestPage.objects.live().order_by("pk").first().pk,
        "route": max(RoutePage.objects.live(), key=lambda route: route.stops.count()).pk,
        "events": EventPage.objects.upcoming().count(),
    }


def loader_snippet(origin, choices):
    """The loader snippet as the configurator hands it out for `choices`."""
    url = f"{origin}/en/partners/widgets/?{urlencode(choices, doseq=True)}"
    with urllib.request.urlopen(url) as response:
        page = response.read().decode()
    text = re.search(r'<textarea id="snippet-loader"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    return html_module.unescape(text)


def warm(*urls):
    """Request each URL once, one after the other: image renditions made before the browser
    asks in parallel (the live server's threads share one SQLite connection in tests)."""
    for url in urls:
        try:
            urllib.request.urlopen(url).close()
        except urllib.error.HTTPError:
            pass


def partner_page(partner_site, name, body, lang="en"):
    return partner_site.add(
        f"/{name}.html",
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Hotel am Markt'
        f"</title></head><body><h1>Hotel am Markt</h1><p>Our tips for your stay:</p>{body}"
        "<p>Book now.</p></body></html>",
    )


def widget_frames(page, count):
    page.wait_for_function(
        "(count) => document.querySelectorAll('iframe').length === count", arg=count
    )
    return page.locator("iframe")


def wait_until_fitted(page, iframe):
    """Until the iframe is as tall as the widget inside it, after images and fonts."""
    frame = iframe.element_handle().content_frame()
    frame.wait_for_load_state("load")
    fitted = None
    for _ in range(50):
        inner = frame.evaluate(CONTENT_HEIGHT)
        outer = iframe.evaluate(IFRAME_HEIGHT)
        if abs(inner - outer) <= 1 and fitted == (inner, outer):
            return frame, inner
        fitted = (inner, outer)
        page.wait_for_timeout(100)
    raise AssertionError(f"iframe {outer}px never fitted its content {inner}px")


def record_requests(context):
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    return requested


KINDS = {
    "pois": lambda ids: {"kind": "pois", "poi_category": "museums", "count": "3"},
    "poi": lambda ids: {"kind": "poi", "poi": ids["poi"]},
    "route": lambda ids: {"kind": "route", "route": ids["route"]},
    "events": lambda ids: {"kind": "events", "count": "4", "layout": "grid"},
}


@pytest.mark.parametrize("kind", KINDS)
def test_the_loader_embeds_each_widget_which_fits_its_content(
    demo_server, partner_site, browser_context, kind
):
    origin = server_origin(demo_server)
    snippet = loader_snippet(origin, {**KINDS[kind](demo_ids()), "lang": "en"})
    assert 'integrity="sha384-' in snippet and 'crossorigin="anonymous"' in snippet
    url = partner_page(partner_site, f"loader-{kind}", snippet)
    requested = record_requests(browser_context)
    page = browser_context.new_page()
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )

    page.goto(url)
    (iframe,) = widget_frames(page, 1).all()
    frame, height = wait_until_fitted(page, iframe)

    assert frame.url.startswith(f"{origin}/widgets/{kind}/")
    assert height > 100
    assert frame.locator("h2").count() == 1
    # The loader names the frame after the widget, for screen readers.
    assert iframe.get_attribute("title") == frame.title()
    assert page.evaluate("document.body.innerText").count("Hotel am Markt") == 1
    page.wait_for_load_state("networkidle")
    allowed = (origin, partner_site.origin)
    assert [address for address in requested if not address.startswith(allowed)] == []
    assert browser_context.cookies() == []
    assert errors == []  # no integrity, CSP or script error


def test_heights_follow_the_content_of_each_widget(demo_server, partner_site, browser_context):
    origin = server_origin(demo_server)
    one = loader_snippet(origin, {"kind": "pois", "count": "1", "images": "no"})
    five = loader_snippet(origin, {"kind": "pois", "count": "5", "images": "no"})
    # Two snippets on one page: the second script finds both widgets already embedded.
    url = partner_page(partner_site, "two-widgets", one + "<hr>" + five)
    page = browser_context.new_page()
    page.goto(url)
    short, tall = widget_frames(page, 2).all()
    _frame, short_height = wait_until_fitted(page, short)
    _frame, tall_height = wait_until_fitted(page, tall)
    assert tall_height > short_height + 150

    # Narrower, the texts wrap into more lines: the frame grows with them.
    page.set_viewport_size({"width": 300, "height": 844})
    page.wait_for_timeout(300)
    _frame, narrow_height = wait_until_fitted(page, tall)
    assert narrow_height > tall_height


def test_placeholders_added_later_by_the_partners_scripts_are_embedded_too(
    demo_server, partner_site, browser_context
):
    origin = server_origin(demo_server)
    snippet = loader_snippet(origin, {"kind": "events", "count": "1", "images": "no"})
    page = browser_context.new_page()
    page.goto(partner_page(partner_site, "late", snippet))
    widget_frames(page, 1)
    page.evaluate(
        """() => {
          const later = document.createElement("div");
          later.setAttribute("data-town-widget", "pois");
          later.setAttribute("data-count", "1");
          later.setAttribute("data-images", "no");
          document.body.append(later);
        }"""
    )
    late = widget_frames(page, 2).nth(1)
    frame, _height = wait_until_fitted(page, late)
    # No data-lang: the partner page's language.
    assert frame.url.startswith(f"{origin}/widgets/pois/?count=1&images=no&lang=en")


def test_keyboard_reaches_the_widget_links_and_they_open_our_page_outside_the_frame(
    demo_server, partner_site, browser_context
):
    origin = server_origin(demo_server)
    snippet = loader_snippet(origin, {"kind": "pois", "count": "2", "lang": "de"})
    url = partner_page(partner_site, "keyboard", snippet, lang="de")
    page = browser_context.new_page()
    page.goto(url)
    (iframe,) = widget_frames(page, 1).all()
    frame, _height = wait_until_fitted(page, iframe)

    page.keyboard.press("Tab")
    focused = frame.evaluate("document.activeElement.outerHTML")
    assert focused.startswith('<a href="http') and 'target="_top"' in focused
    assert frame.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"

    target = re.search(r'href="([^"]+)"', focused).group(1)
    with page.expect_request(lambda request: request.url == target) as navigation:
        page.keyboard.press("Enter")
    assert navigation.value.is_navigation_request()
    assert navigation.value.frame == page.main_frame  # the whole tab, not the frame


def test_our_other_pages_and_the_admin_cannot_be_framed(demo_server, partner_site, browser_context):
    origin = server_origin(demo_server)
    framed = {
        "widget": f"{origin}/widgets/pois/?count=1",
        "home": demo_server["HomePage"]["de"],
        "configurator": f"{origin}/de/partner/widgets/",
        "admin": f"{origin}/admin/login/",
    }
    warm(*framed.values())
    body = "".join(f'<iframe name="{name}" src="{src}"></iframe>' for name, src in framed.items())
    page = browser_context.new_page()
    page.goto(partner_page(partner_site, "framing", body))
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)

    shown = {}
    for name in framed:
        frame = page.frame(name=name)
        shown[name] = frame.evaluate("location.href") if frame else None
    assert shown["widget"] == framed["widget"]
    for name in ("home", "configurator", "admin"):
        # Chromium shows its error page in place of a refused page.
        assert shown[name] is None or shown[name].startswith("chrome-error://"), shown
    assert browser_context.cookies() == []


@pytest.fixture(scope="package")
def partners(demo_server, partner_site, django_db_blocker):
    """One partner whose site is the test's partner page, one elsewhere (see editor_login)."""
    from partners.models import Partner

    with django_db_blocker.unblock():
        ours = Partner.objects.create(name="Hotel am Markt", allowed_origins=partner_site.origin)
        theirs = Partner.objects.create(
            name="Anderes Hotel", allowed_origins="https://hotel.example"
        )
    return ours, theirs


def test_a_widget_token_keeps_the_widget_on_the_partners_own_sites(
    demo_server, partner_site, partners, browser_context
):
    ours, theirs = partners
    origin = server_origin(demo_server)
    body = "".join(
        loader_snippet(
            origin, {"kind": "pois", "count": "1", "images": "no", "key": partner.widget_token}
        )
        for partner in (ours, theirs)
    )
    page = browser_context.new_page()
    page.goto(partner_page(partner_site, "keys", body))
    allowed, refused = widget_frames(page, 2).all()
    wait_until_fitted(page, allowed)
    page.wait_for_timeout(300)
    refused_frame = refused.element_handle().content_frame()
    assert refused_frame.evaluate("location.href").startswith("chrome-error://")


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("kind", KINDS)
def test_widgets_have_no_wcag_21_aa_violations(
    demo_server, partner_site, browser_context, kind, theme
):
    browser_context.add_init_script(path=AXE)  # in every frame, outside the page's CSP
    origin = server_origin(demo_server)
    # A pale accent on light, a dark one on dark: the widget must shade its links.
    accent = "#ffee55" if theme == "light" else "#102030"
    choices = {**KINDS[kind](demo_ids()), "theme": theme, "accent": accent, "lang": "de"}
    page = browser_context.new_page()
    page.goto(partner_page(partner_site, f"axe-{kind}-{theme}", loader_snippet(origin, choices)))
    (iframe,) = widget_frames(page, 1).all()
    frame, _height = wait_until_fitted(page, iframe)

    results = frame.evaluate("(options) => axe.run(document, options)", WCAG_21_AA)

    assert results["passes"]
    assert results["violations"] == [], [
        (violation["id"], [node["html"][:120] for node in violation["nodes"]])
        for violation in results["violations"]
    ]


def test_the_configurator_updates_preview_and_snippets_as_choices_change(
    demo_server, browser_context
):
    origin = server_origin(demo_server)
    page = browser_context.new_page()
    requested = record_requests(browser_context)
    page.goto(f"{origin}/en/partners/widgets/")
    assert page.locator("[data-kinds='route']").is_hidden()

    page.get_by_label("One route (card with its track)").check()
    assert page.locator("[data-kinds='pois']").is_hidden()
    page.wait_for_function(
        "() => document.getElementById('snippet-loader').value.includes('\"route\"')"
    )
    preview = page.locator(".configurator__preview")
    assert "/widgets/route/?" in preview.get_attribute("src")
    assert page.url.startswith(f"{origin}/en/partners/widgets/?kind=route")
    assert [address for address in requested if not is_local(address)] == []
