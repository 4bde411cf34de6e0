from django.conf import settings


def site_context(request):
    """Values every template needs; kept cheap because it runs on every page."""
    return {
        "TOWN_NAME": settings.TOWN_NAME,
        "SITE_LANGUAGES": settings.LANGUAGES,
    }
