"""Widget pages stay within 30 KB compressed with their stylesheet and script, images aside."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.factories.tourism import PointOfInterestPageFactory, add_picture

WIDGET_BUDGET_GZIP_BYTES = 30 * 1024
ASSET = re.compile(r'(?:href|src)="/static/([^"]+\.(?:css|js))"')

pytestmark = pytest.mark.django_db


def compressed_size_with_assets(html):
    size = len(gzip.compress(html.encode(), 9))
    for name in set(ASSET.findall(html)):
        size += len(gzip.compress(Path(finders.find(name)).read_bytes(), 9))
    return size


def test_the_longest_list_fits_the_budget(client, poi_index, museums):
    for number in range(24):
        place = PointOfInterestPageFactory(
            parent=poi_index,
            title=f"Ein Ort mit einem recht langen Namen Nummer {number}",
            teaser="Ein Satz über den Ort, wie ihn Redakteure für Listen schreiben. " * 4,
            categories=[museums],
        )
        add_picture(place)
    response = client.get("/widgets/pois/?count=24&layout=grid")
    html = response.content.decode()
    assert html.count('class="card"') == 24
    assert compressed_size_with_assets(html) <= WIDGET_BUDGET_GZIP_BYTES
