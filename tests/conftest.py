import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from pages.models import HomePage


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
