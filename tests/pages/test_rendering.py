"""Every page type renders in German and English with the right language."""

import pytest
from django.utils import translation

from tests.factories.pages import (
    EventCategoryFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tests.factories.tourism import (
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
    RouteIndexPageFactory,
    RoutePageFactory,
)


@pytest.fixture
def site_pages(home_page):
    poi_index = PointOfInterestIndexPageFactory(
        parent=home_page, title_en="Sights", slug_en="sights"
    )
    poi = PointOfInterestPageFactory(
        parent=poi_index, title="Roland", title_en="Roland statue", slug_en="roland"
    )
    route_index = RouteIndexPageFactory(parent=home_page)
    route = RoutePageFactory(parent=route_index, title="Altstadtrundgang", stops=[poi])
    news_index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=news_index, title="Neues vom Markt")
    event_index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=event_index, title="Weihnachtsmarkt", venue=poi, category=EventCategoryFactory()
    )
    standard = StandardPageFactory(parent=home_page, title="Impressum", show_in_footer=True)
    return [
        home_page,
        poi_index,
        poi,
        route_index,
        route,
        news_index,
        news,
        event_index,
        event,
        standard,
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en", "pl"])
def test_every_page_type_renders_in_each_language(client, site_pages, language):
    for page in site_pages:
        with translation.override(language):
            url = page.get_url()
        assert url.startswith(f"/{language}/"), url
        response = client.get(url)
        assert response.status_code == 200, (page, url)
        assert f'<html lang="{language}">' in response.content.decode()
