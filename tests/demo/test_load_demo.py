"""The demo builds a complete Haldensleben site, and building it twice changes nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from wagtail.models import Page

from media.models import CustomImage
from pages.models import EventPage, HomePage, NewsPage, StandardPage
from tourism.models import Notice, PointOfInterestCategory, PointOfInterestPage, RoutePage
from translations import state


@pytest.fixture
def demo_site(db):
    call_command("load_demo", stdout=StringIO())


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            PointOfInterestPage,
            RoutePage,
            EventPage,
            NewsPage,
            StandardPage,
            CustomImage,
            Notice,
        )
    }


@pytest.mark.django_db
def test_demo_is_complete_and_loading_it_twice_changes_nothing(demo_site):
    before = counts()
    call_command("load_demo", "--site-url", "http://127.0.0.1:8000", stdout=StringIO())
    assert counts() == before
    # `make demo` serves on 127.0.0.1:8000: canonical, API and widget links must lead there.
    roland = PointOfInterestPage.objects.filter(title_de__icontains="Roland").first()
    assert roland.get_full_url().startswith("http://127.0.0.1:8000/de/")
    assert_promised_content()
    assert_english_texts_and_polish_fallback()
    assert_polish_texts()
    assert_events_have_tickets_and_organisers()
    assert_every_home_card_but_the_emergency_numbers_links_somewhere()
    first_event = EventPage.objects.order_by("start").first()
    assert first_event.start > timezone.now()


def assert_promised_content():
    assert PointOfInterestPage.objects.live().count() >= 25
    used = PointOfInterestCategory.objects.filter(pointofinterestpage__isnull=False).distinct()
    assert used.count() >= 6
    for title in ("Roland", "Stendaler", "Bülstringer", "Schloss Hundisburg", "Großsteingrab"):
        assert PointOfInterestPage.objects.filter(title_de__icontains=title).exists(), title
    routes = RoutePage.objects.live()
    assert routes.count() >= 4
    assert {route.kind for route in routes} >= {"walking", "cycling", "hiking", "canoe"}
    for route in routes:
        assert route.gpx_file and len(route.track) > 10, route
        assert route.stops.count() >= 2 and route.length_m > 500, route
    assert EventPage.objects.upcoming().count() >= 10
    assert NewsPage.objects.live().count() >= 6
    titles = " ".join(StandardPage.objects.values_list("title_de", flat=True))
    for required in ("Impressum", "Datenschutz", "Barrierefreiheit"):
        assert required in titles
    assert not CustomImage.objects.filter(credit="").exists()


def assert_english_texts_and_polish_fallback():
    roland = PointOfInterestPage.objects.filter(title_de__icontains="Roland").first()
    assert roland.title_en and roland.teaser_en
    shopping_street = PointOfInterestPage.objects.get(slug_de="hagenstrasse")
    assert not shopping_street.description_pl
    with translation.override("pl"):
        assert shopping_street.description == shopping_street.description_en


def assert_polish_texts():
    assert HomePage.objects.get().hero_title_pl == "Witamy w Haldensleben"
    home = HomePage.objects.get()
    assert all(page.specific.title_pl for page in home.get_children().live().in_menu())
    assert all(category.name_pl for category in PointOfInterestCategory.objects.all())
    described = PointOfInterestPage.objects.exclude(description_pl="").exclude(teaser_pl="")
    assert described.count() >= 10
    assert RoutePage.objects.exclude(description_pl="").exists()
    for page in StandardPage.objects.all():
        assert page.title_pl and page.intro_pl, page
    town_hall = StandardPage.objects.get(slug_de="rathaus-und-oeffnungszeiten")
    assert "Godziny przyjęć Biura Obsługi Mieszkańców" in str(town_hall.body_pl)
    with translation.override("pl"):
        roland = PointOfInterestPage.objects.get(slug_de="reitender-roland")
        assert roland.title == "Jeździec Roland"
        assert roland.url.startswith("/pl/")


def assert_events_have_tickets_and_organisers():
    concert = EventPage.objects.get(slug_de="adventskonzert-st-marien-2026")
    assert concert.price == 12 and concert.booking_url and concert.organiser_name
    assert EventPage.objects.filter(price=0).exists()


def assert_every_home_card_but_the_emergency_numbers_links_somewhere():
    home = HomePage.objects.get()
    unlinked = [block.value["title"] for block in home.quick_links_de if not block.value["page"]]
    assert unlinked == ["Notruf"]


@pytest.mark.django_db
def test_every_demo_page_renders_in_every_language(client, demo_site):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() > 60
    for language in ("de", "en", "pl"):
        for page in pages:
            with translation.override(language):
                url = page.get_url()
            response = client.get(url)
            assert response.status_code == 200, url
            assert f'<html lang="{language}">' in response.content.decode(), url


@pytest.mark.django_db
def test_the_demo_shows_a_closed_stretch_and_a_closed_place(client, demo_site):
    route = RoutePage.objects.get(slug_de="altstadtrundgang")
    assert "Abschnitt gesperrt" in client.get(route.url).content.decode()
    museum = PointOfInterestPage.objects.get(slug_de="museum-haldensleben")
    assert "Museum vorübergehend geschlossen" in client.get(museum.url).content.decode()
    assert not museum.is_open_at()


def test_accessibility_statement_gives_the_required_facts(client, demo_site):
    statement = StandardPage.objects.get(slug_de="barrierefreiheit")
    html = client.get(statement.url).content.decode()
    for required in (
        "Stand der Vereinbarkeit",
        "teilweise vereinbar",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "barrierefreiheit@example.org",
        "Durchsetzungsverfahren",
        "https://www.lf-barrierefreiheit-st.de/",
    ):
        assert required in html, required
    footer = html.split('class="site-footer"')[1]
    assert statement.url in footer


@pytest.mark.parametrize("url", ["127.0.0.1:8000", "ftp://example.org", "http://"])
def test_a_site_url_that_is_not_an_http_url_is_refused(url):
    with pytest.raises(CommandError, match="site-url"):
        call_command("load_demo", "--site-url", url, stdout=StringIO())


@pytest.mark.django_db
def test_demo_shows_one_outdated_english_translation(client, demo_site):
    place = PointOfInterestPage.objects.get(slug_de="stendaler-turm")
    assert state.outdated_fields(place)["en"] == ["teaser"]
    call_command("load_demo", stdout=StringIO())
    assert state.outdated_fields(place)["en"] == ["teaser"]
    with translation.override("en"):
        url = place.get_url()
    assert "translation-note" in client.get(url).content.decode()
