import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from pages.models import HomePage
from tests.factories.pages import EventIndexPageFactory
from tests.factories.tourism import (
    PointOfInterestCategoryFactory,
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
    RouteIndexPageFactory,
    add_picture,
)


@pytest.fixture(autouse=True)
def _clear_cache():
    # The cache may be the real Redis (REDIS_URL); tests must not see each other's entries.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """A home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePage(title="Startseite", title_en="Home", slug="start", slug_en="home")
    root.add_child(instance=home)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.pk != home.pk and old_root.depth > 1:
        old_root.delete()
    return home


@pytest.fixture(autouse=True)
def _german_by_default():
    # The test client's requests activate languages; each test starts from the default.
    from django.utils import translation

    translation.activate("de")
    yield
    translation.activate("de")


# The places, routes and events most tests build on; each package adds its own on top.


@pytest.fixture
def poi_index(home_page):
    return PointOfInterestIndexPageFactory(parent=home_page, title_en="Sights", slug_en="sights")


@pytest.fixture
def route_index(home_page):
    return RouteIndexPageFactory(parent=home_page, title_en="Routes", slug_en="routes")


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page, title_en="Events", slug_en="events")


@pytest.fixture
def museums(db):
    return PointOfInterestCategoryFactory(name="Museen", name_en="Museums", slug="museums")


@pytest.fixture
def museum(poi_index, museums):
    """The town museum in the old town, with a photo."""
    place = PointOfInterestPageFactory(
        parent=poi_index,
        title="Museum Haldensleben",
        title_en="Haldensleben Museum",
        slug="museum",
        slug_en="museum",
        teaser="Stadtgeschichte",
        teaser_en="Town history",
        latitude="52.289700",
        longitude="11.408600",
        street="Breiter Gang 1",
        postal_code="39340",
        locality="Haldensleben",
        categories=[museums],
    )
    return add_picture(place, "Museum")


@pytest.fixture
def castle(poi_index):
    # About 8 km north-east of the museum.
    return PointOfInterestPageFactory(
        parent=poi_index,
        title="Schloss Hundisburg",
        title_en="Hundisburg Castle",
        slug="schloss",
        slug_en="castle",
        latitude="52.340000",
        longitude="11.460000",
    )


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """The demo in its own database with collected static files, for app servers that run
    `cms.settings.production` (tests/servers.py). Built once, when a test first asks."""
    from tests.servers import ProductionSite

    site = ProductionSite(tmp_path_factory.mktemp("production-site")).build()
    yield site
    site.drop()
