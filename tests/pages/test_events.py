"""Events: the upcoming list by month, the category filter, event dates and iCalendar files."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import querydict_from_html

from cms.i18n import page_url_in
from cms.structured_data import clean
from pages import ical
from pages.models import EventPage, events
from tests.factories.pages import EventCategoryFactory, EventIndexPageFactory, EventPageFactory

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=BERLIN)


def berlin(*args):
    return datetime(*args, tzinfo=BERLIN)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    """ "Upcoming" is relative to now; the tests' calendar starts on 20 November 2026."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


@pytest.fixture
def calendar_page(home_page):
    return EventIndexPageFactory(parent=home_page, title_en="Events")


@pytest.fixture
def concerts():
    return EventCategoryFactory(slug="concerts", name="Konzerte", name_en="Concerts")


@pytest.fixture
def markets():
    return EventCategoryFactory(slug="markets", name="Märkte", name_en="Markets")


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def month_headings(html):
    return re.findall(r'<h2 id="month-[^"]+">([^<]+)</h2>', html)


def event_titles(html):
    return re.findall(r'<li>\s*<a href="[^"]+">([^<]+)</a>\s*<br>', html)


def unfold(body):
    """Content lines of an iCalendar file (RFC 5545, 3.1): CRLF plus one space continues."""
    return body.replace("\r\n ", "").removesuffix("\r\n").split("\r\n")


def unescape(value):
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse_ics(body):
    """[(name, {param: value}, raw value)] per content line: just enough for these tests."""
    parsed = []
    for line in unfold(body):
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        parsed.append((name, dict(param.split("=", 1) for param in params), value))
    return parsed


def vevents(body):
    """One {name: (params, raw value)} per VEVENT."""
    found, current = [], None
    for name, params, value in parse_ics(body):
        if (name, value) == ("BEGIN", "VEVENT"):
            current = {}
        elif (name, value) == ("END", "VEVENT"):
            found.append(current)
            current = None
        elif current is not None:
            current[name] = (params, value)
    return found


def ics_url(page, language="de"):
    return page_url_in(page, language) + "ical/"


# --- The upcoming list ---------------------------------------------------------


@pytest.mark.django_db  # unsaved pages look up their content type
def test_group_by_month_keeps_the_order_and_starts_a_group_per_month():
    first, second, third = (
        EventPage(title="a", start=berlin(2026, 12, 5, 14)),
        EventPage(title="b", start=berlin(2026, 12, 31, 23, 30)),
        EventPage(title="c", start=berlin(2027, 1, 1, 0, 30)),
    )
    groups = events.group_by_month([first, second, third], now=NOW)
    assert [(group.month, group.events) for group in groups] == [
        (date(2026, 12, 1), [first, second]),
        (date(2027, 1, 1), [third]),
    ]


@pytest.mark.django_db  # unsaved pages look up their content type
def test_an_event_under_way_is_listed_under_the_current_month():
    exhibition = EventPage(title="Ausstellung", start=berlin(2026, 9, 1), all_day=True)
    groups = events.group_by_month([exhibition], now=NOW)
    assert groups[0].month == date(2026, 11, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("de", ["Dezember 2026", "Januar 2027"]),
        ("en", ["December 2026", "January 2027"]),
    ],
)
def test_upcoming_events_are_grouped_under_month_headings(
    client, calendar_page, language, headings
):
    EventPageFactory(parent=calendar_page, title="Neujahrskonzert", start=berlin(2027, 1, 1, 17))
    EventPageFactory(parent=calendar_page, title="Sternenmarkt", start=berlin(2026, 12, 5, 14))
    EventPageFactory(parent=calendar_page, title="Vorbei", start=berlin(2026, 11, 1, 14))
    html = html_of(client.get(page_url_in(calendar_page, language)))
    assert month_headings(html) == headings
    assert event_titles(html) == ["Sternenmarkt", "Neujahrskonzert"]


@pytest.mark.django_db
def test_an_all_day_event_stays_listed_on_its_last_day(calendar_page):
    last_day = EventPageFactory(
        parent=calendar_page,
        start=berlin(2026, 11, 1),
        end=berlin(2026, 11, 20),
        all_day=True,
    )
    EventPageFactory(
        parent=calendar_page, start=berlin(2026, 11, 1), end=berlin(2026, 11, 19), all_day=True
    )
    assert list(EventPage.objects.upcoming()) == [last_day]


@pytest.mark.django_db
def test_the_category_filter_lists_only_that_category_and_marks_its_link(
    client, calendar_page, concerts, markets
):
    EventPageFactory(parent=calendar_page, title="Orgelkonzert", category=concerts)
    EventPageFactory(parent=calendar_page, title="Wochenmarkt", category=markets)
    html = html_of(client.get(calendar_page.url, {"category": "concerts"}))
    assert event_titles(html) == ["Orgelkonzert"]
    assert '<a href="?category=concerts" aria-current="true">Konzerte</a>' in html
    assert '<a href="?category=markets">Märkte</a>' in html
    assert f'href="{calendar_page.url}ical/?category=concerts"' in html


@pytest.mark.django_db
def test_all_events_is_marked_without_a_filter(client, calendar_page, concerts):
    EventPageFactory(parent=calendar_page, category=concerts)
    html = html_of(client.get(calendar_page.url))
    assert f'<a href="{calendar_page.url}" aria-current="true">' in html


@pytest.mark.django_db
def test_an_unknown_category_shows_a_message_and_all_events(client, calendar_page, concerts):
    EventPageFactory(parent=calendar_page, title="Orgelkonzert", category=concerts)
    EventPageFactory(parent=calendar_page, title="Lesung")
    html = html_of(client.get(calendar_page.url, {"category": "<b>zirkus</b>"}))
    assert "&lt;b&gt;zirkus&lt;/b&gt;" in html
    assert "<b>zirkus</b>" not in html
    assert 'class="notice"' in html
    assert sorted(event_titles(html)) == ["Lesung", "Orgelkonzert"]


@pytest.mark.django_db
def test_a_category_without_upcoming_events_says_so(client, calendar_page, concerts, markets):
    EventPageFactory(parent=calendar_page, category=concerts)
    html = html_of(client.get(calendar_page.url, {"category": "markets"}))
    assert event_titles(html) == []
    assert "Märkte" in html and 'aria-current="true">Märkte' in html
    assert 'class="notice"' not in html


@pytest.fixture
def ten_concerts(calendar_page, concerts, markets, monkeypatch):
    monkeypatch.setattr(events, "EVENTS_PER_PAGE", 4)
    EventPageFactory(parent=calendar_page, title="Markt", category=markets)
    return [
        EventPageFactory(
            parent=calendar_page,
            title=f"Konzert {number}",
            category=concerts,
            start=berlin(2026, 12, 1 + number, 19),
        )
        for number in range(10)
    ]


@pytest.mark.django_db
def test_pagination_keeps_the_category_filter(client, calendar_page, ten_concerts):
    html = html_of(client.get(calendar_page.url, {"category": "concerts", "page": "2"}))
    assert event_titles(html) == [f"Konzert {number}" for number in range(4, 8)]
    assert 'href="?category=concerts&amp;page=1" rel="prev"' in html
    assert 'href="?category=concerts&amp;page=3" rel="next"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "first_title"),
    [("99", "Konzert 8"), ("zwei", "Konzert 0"), ("-1", "Konzert 8"), ("", "Konzert 0")],
)
def test_a_bad_page_number_shows_the_first_or_last_page(
    client, calendar_page, ten_concerts, page, first_title
):
    html = html_of(client.get(calendar_page.url, {"category": "concerts", "page": page}))
    assert event_titles(html)[0] == first_title


# --- Event detail --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "start_text", "end_text"),
    [
        ("de", "Sa, 5. Dezember 2026, 14:00", "16:30"),
        ("en", "Sat, 5 December 2026, 2 p.m.", "4:30 p.m."),
    ],
)
def test_event_date_and_time_follow_the_visitors_language(
    client, calendar_page, museum, language, start_text, end_text
):
    event = EventPageFactory(
        parent=calendar_page,
        start=berlin(2026, 12, 5, 14),
        end=berlin(2026, 12, 5, 16, 30),
        venue=museum,
    )
    html = html_of(client.get(page_url_in(event, language)))
    assert f'<time datetime="2026-12-05T14:00:00+01:00">{start_text}' in html
    assert f'<time datetime="2026-12-05T16:30:00+01:00">{end_text}' in html
    assert f'<a href="{page_url_in(museum, language)}">' in html
    assert f'href="{ics_url(event, language)}"' in html


@pytest.mark.django_db
def test_an_event_over_several_days_shows_both_dates(calendar_page):
    event = EventPageFactory(
        parent=calendar_page, start=berlin(2026, 12, 4, 15), end=berlin(2026, 12, 20, 20)
    )
    span = event.time_span()
    assert (span.start.text, span.end.text) == (
        "Fr, 4. Dezember 2026, 15:00 Uhr",
        "So, 20. Dezember 2026, 20:00 Uhr",
    )


@pytest.mark.django_db
def test_an_all_day_event_shows_dates_without_times(client, calendar_page):
    single = EventPageFactory(
        parent=calendar_page, start=berlin(2027, 5, 16), end=berlin(2027, 5, 16), all_day=True
    )
    html = html_of(client.get(single.url))
    assert re.search(r'<time datetime="2027-05-16">So, 16. Mai 2027</time>\s*</dd>', html)
    several = EventPageFactory(
        parent=calendar_page, start=berlin(2027, 1, 16), end=berlin(2027, 4, 25), all_day=True
    )
    with translation.override("en"):
        span = several.time_span()
    assert (span.start.text, span.end.text) == ("Sat, 16 January 2027", "Sun, 25 April 2027")


@pytest.mark.django_db
def test_the_preview_of_a_new_event_renders(client, calendar_page):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    args = ["pages", "eventpage", calendar_page.pk]
    form = client.get(reverse("wagtailadmin_pages:add", args=args)).content.decode()
    data = querydict_from_html(form, form_id="page-edit-form")
    for key, value in {
        "title_de": "Vorschau",
        "slug_de": "vorschau",
        "start": "2026-12-05 14:00",
    }.items():
        data.setlist(key, [value])
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=args)
    assert client.post(preview_url, dict(data.lists())).json()["is_valid"] is True
    html = html_of(client.get(preview_url))
    assert "Sa, 5. Dezember 2026, 14:00" in html


# --- iCalendar -----------------------------------------------------------------


@pytest.mark.django_db
def test_an_events_ics_file_has_the_event_in_utc(client, calendar_page, museum, concerts):
    event = EventPageFactory(
        parent=calendar_page,
        title="Adventskonzert",
        title_en="Advent concert",
        teaser="Chor und Orgel.",
        start=berlin(2026, 12, 5, 14),
        end=berlin(2026, 12, 5, 16),
        venue=museum,
        category=concerts,
    )
    response = client.get(ics_url(event))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in cache_control
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")
    calendar = {name: value for name, _params, value in parse_ics(body)}
    assert calendar["VERSION"] == "2.0"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["PRODID"].startswith("-//")
    assert calendar["X-WR-CALNAME"] == "Adventskonzert"
    [vevent] = vevents(body)
    assert vevent["UID"][1] == f"event-{event.pk}@localhost"
    assert vevent["DTSTART"][1] == "20261205T130000Z"
    assert vevent["DTEND"][1] == "20261205T150000Z"
    assert re.fullmatch(r"\d{8}T\d{6}Z", vevent["DTSTAMP"][1])
    assert vevent["SUMMARY"][1] == "Adventskonzert"
    full_url = f"http://localhost{event.url}"
    assert unescape(vevent["DESCRIPTION"][1]) == f"Chor und Orgel.\n\n{full_url}"
    assert unescape(vevent["LOCATION"][1]) == (
        "Museum Haldensleben, Breiter Gang 1, 39340 Haldensleben"
    )
    assert vevent["GEO"][1] == "52.289700;11.408600"
    assert vevent["URL"][1] == full_url
    assert vevent["CATEGORIES"][1] == "Konzerte"


@pytest.mark.django_db
def test_an_events_ics_file_follows_the_visitors_language(client, calendar_page, concerts):
    event = EventPageFactory(
        parent=calendar_page, title="Adventskonzert", title_en="Advent concert", category=concerts
    )
    response = client.get(ics_url(event, "en"))
    [vevent] = vevents(response.content.decode())
    assert response["Content-Language"] == "en"
    assert vevent["SUMMARY"][1] == "Advent concert"
    assert vevent["CATEGORIES"][1] == "Concerts"
    assert vevent["URL"][1] == f"http://localhost{page_url_in(event, 'en')}"


@pytest.mark.django_db
def test_an_all_day_event_uses_dates_with_an_exclusive_end(client, calendar_page):
    event = EventPageFactory(
        parent=calendar_page, start=berlin(2026, 12, 5), end=berlin(2026, 12, 6), all_day=True
    )
    [vevent] = vevents(client.get(ics_url(event)).content.decode())
    assert vevent["DTSTART"] == ({"VALUE": "DATE"}, "20261205")
    assert vevent["DTEND"] == ({"VALUE": "DATE"}, "20261207")


@pytest.mark.django_db
def test_commas_semicolons_backslashes_and_line_breaks_are_escaped(client, calendar_page):
    event = EventPageFactory(
        parent=calendar_page,
        title="Kaffee, Kuchen; Musik \\ Tanz",
        venue_name="Saal, 1. Stock",
        venue_address="Markt 1\n39340 Haldensleben",
    )
    [vevent] = vevents(client.get(ics_url(event)).content.decode())
    assert vevent["SUMMARY"][1] == "Kaffee\\, Kuchen\\; Musik \\\\ Tanz"
    assert vevent["LOCATION"][1] == "Saal\\, 1. Stock\\, Markt 1\\, 39340 Haldensleben"
    assert "GEO" not in vevent


@pytest.mark.django_db
def test_long_lines_are_folded_at_75_octets_without_splitting_characters(client, calendar_page):
    teaser = "Märchen für Groß und Klein – " * 8
    event = EventPageFactory(parent=calendar_page, teaser=teaser.strip())
    body = client.get(ics_url(event)).content
    lines = body.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)
    for line in lines:
        line.decode()  # every physical line is whole UTF-8
    [vevent] = vevents(body.decode())
    assert unescape(vevent["DESCRIPTION"][1]).startswith(teaser.strip())


def test_folding_keeps_multibyte_characters_whole():
    folded = ical.fold("SUMMARY:" + "ü€😀" * 30)
    pieces = folded.encode().split(b"\r\n")
    assert all(len(piece) <= 75 for piece in pieces)
    assert all(piece.startswith(b" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "ü€😀" * 30


@pytest.mark.django_db
def test_an_unpublished_event_has_no_ics_file(client, calendar_page):
    draft = EventPageFactory(parent=calendar_page, live=False)
    assert client.get(ics_url(draft)).status_code == 404


@pytest.mark.django_db
def test_a_restricted_events_ics_file_stays_out_of_shared_caches(client, calendar_page):
    event = EventPageFactory(parent=calendar_page)
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(ics_url(event)).status_code == 302
    client.force_login(get_user_model().objects.create_user("resident", password="pw"))
    response = client.get(ics_url(event))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


@pytest.mark.django_db
def test_the_feed_lists_only_upcoming_published_events(client, calendar_page):
    EventPageFactory(parent=calendar_page, title="Morgen", start=NOW + timedelta(days=1))
    EventPageFactory(parent=calendar_page, title="Übermorgen", start=NOW + timedelta(days=2))
    EventPageFactory(parent=calendar_page, title="Gestern", start=NOW - timedelta(days=1))
    EventPageFactory(parent=calendar_page, title="Entwurf", live=False)
    response = client.get(ics_url(calendar_page))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="veranstaltungen.ics"'
    assert [vevent["SUMMARY"][1] for vevent in vevents(response.content.decode())] == [
        "Morgen",
        "Übermorgen",
    ]


@pytest.mark.django_db
def test_the_feed_can_be_limited_to_one_category(client, calendar_page, concerts, markets):
    EventPageFactory(parent=calendar_page, title="Orgelkonzert", category=concerts)
    EventPageFactory(parent=calendar_page, title="Wochenmarkt", category=markets)
    response = client.get(ics_url(calendar_page, "en"), {"category": "concerts"})
    assert response["Content-Disposition"] == 'attachment; filename="events-concerts.ics"'
    body = response.content.decode()
    assert [vevent["SUMMARY"][1] for vevent in vevents(body)] == ["Orgelkonzert"]
    assert "X-WR-CALNAME:Events: Concerts\r\n" in body
    assert client.get(ics_url(calendar_page), {"category": "zirkus"}).status_code == 404


# --- Query counts --------------------------------------------------------------


def queries_for(client, url):
    client.get(url)  # warm caches filled once per process (site root paths …)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_listing_and_feed_cost_the_same_for_3_and_30_events(
    client, calendar_page, museum, concerts, markets
):
    def add_events(count):
        for number in range(count):
            EventPageFactory(
                parent=calendar_page,
                venue=museum if number % 2 else None,
                category=(concerts, markets, None)[number % 3],
                start=NOW + timedelta(days=number + 1),
            )

    urls = [
        calendar_page.url,
        calendar_page.url + "?category=concerts",
        ics_url(calendar_page),
        ics_url(calendar_page) + "?category=concerts",
    ]
    add_events(3)
    few = {url: queries_for(client, url) for url in urls}
    add_events(27)
    many = {url: queries_for(client, url) for url in urls}
    assert many == few
    assert max(many.values()) <= 25, many


@pytest.mark.django_db
def test_price_organiser_and_booking_link_go_into_the_structured_data(calendar_page, rf):
    event = EventPageFactory(
        parent=calendar_page,
        price="8.50",
        price_note="ermäßigt 5 €",
        booking_url="https://tickets.example.org/orgelnacht",
        organiser_name="Kulturverein Haldensleben",
        organiser_url="https://kultur.example.org/",
    )

    data = clean(event.get_structured_data(rf.get("/")))

    assert data["offers"] == {
        "@type": "Offer",
        "price": "8.50",
        "priceCurrency": "EUR",
        "url": "https://tickets.example.org/orgelnacht",
        "description": "ermäßigt 5 €",
    }
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Kulturverein Haldensleben",
        "url": "https://kultur.example.org/",
    }
    assert data["isAccessibleForFree"] is False


@pytest.mark.django_db
def test_a_free_event_says_so_and_a_town_event_is_organised_by_the_town(
    calendar_page, rf, settings
):
    event = EventPageFactory(parent=calendar_page, price="0")

    data = clean(event.get_structured_data(rf.get("/")))

    assert data["isAccessibleForFree"] is True
    assert data["offers"]["price"] == "0.00"
    assert data["organizer"]["name"] == settings.TOWN_NAME
    with translation.override("de"):
        assert event.price_text() == "Freier Eintritt"


@pytest.mark.django_db
def test_without_price_or_booking_link_there_is_no_offer(calendar_page, rf):
    event = EventPageFactory(parent=calendar_page)

    data = clean(event.get_structured_data(rf.get("/")))

    assert "offers" not in data
    assert "isAccessibleForFree" not in data
    assert event.price_text() == ""


@pytest.mark.django_db
def test_the_price_is_written_the_languages_way(calendar_page):
    event = EventPageFactory(parent=calendar_page, price="8.50")

    with translation.override("de"):
        assert event.price_text() == "8,50 €"
    with translation.override("en"):
        assert event.price_text() == "€8.50"


@pytest.mark.django_db
def test_the_event_page_shows_admission_organiser_and_booking_link(client, calendar_page):
    event = EventPageFactory(
        parent=calendar_page,
        price="12.00",
        price_note="ermäßigt 8 €",
        booking_url="https://tickets.example.org/advent",
        organiser_name="Kirchengemeinde St. Marien",
    )

    # Markup is laid out one element per line: compare with the whitespace between tags removed.
    html = re.sub(r"\s*(<|>)\s*", r"\1", html_of(client.get(event.url)))

    assert "<dt>Eintritt</dt><dd>12,00 € · ermäßigt 8 €</dd>" in html
    assert "<dt>Veranstalter</dt><dd>Kirchengemeinde St. Marien</dd>" in html
    assert 'href="https://tickets.example.org/advent" rel="noopener">Karten buchen</a>' in html
