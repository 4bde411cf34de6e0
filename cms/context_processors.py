from django.conf import settings


def site_context(request):
    """Values every template needs; kept cheap because it runs on every page."""
    return {
        "TOWN_NAME": settings.TOWN_NAME,
        "SITE_LANGUAGES": settings.LANGUAGES,
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
        "MAP_TILES_SELF_HOSTED": settings.MAP_TILES_SELF_HOSTED,
    }
