"""Renditions of pictures shown in lists: found without writing the cache again."""

import pytest
from django.db.models import prefetch_related_objects

from media.models import CustomImage, CustomRendition
from tests.factories.media import make_image

pytestmark = pytest.mark.django_db


def rendition_cache_key(image, spec):
    from wagtail.images.models import Filter

    filter_ = Filter(spec=spec)
    return CustomRendition.construct_cache_key(image, filter_.get_cache_key(image), spec)


def test_a_prefetched_rendition_is_not_written_to_the_cache_again():
    image = make_image("Roland")
    image.get_rendition("fill-160x120")
    cache = CustomRendition.cache_backend
    key = rendition_cache_key(image, "fill-160x120")
    cache.delete(key)

    listed = CustomImage.objects.get(pk=image.pk)
    prefetch_related_objects([listed], "renditions")
    rendition = listed.get_rendition("fill-160x120")

    assert rendition.url.startswith("/media/images/")
    assert cache.get(key) is None


def test_a_rendition_read_from_the_database_is_kept_in_the_cache_for_the_next_request():
    image = make_image("Marktplatz")
    made = image.get_rendition("fill-160x120")
    cache = CustomRendition.cache_backend
    key = rendition_cache_key(image, "fill-160x120")
    cache.delete(key)

    found = CustomImage.objects.get(pk=image.pk).get_rendition("fill-160x120")

    assert found.pk == made.pk
    assert cache.get(key).pk == made.pk


def test_a_new_rendition_is_made_once_and_cached():
    image = make_image("Kloster")
    first = image.get_rendition("width-300|format-webp")
    again = CustomImage.objects.get(pk=image.pk).get_rendition("width-300|format-webp")

    assert first.pk == again.pk
    assert CustomRendition.objects.filter(image=image).count() == 1
