"""Views that are not pages but still have one slug per language (/de/suche/, /en/search/).

Used inside `i18n_patterns`; the slugs are plain strings so the URLs work before any
messages are compiled. The language switcher finds these views by their `page_<code>` names.
"""

from functools import wraps

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, path, reverse
from django.utils import translation


def translated_paths(view, slugs):
    """One URL pattern per language, each named `page_<code>`, for `view`."""
    return [
        path(f"{slug}/", _in_its_own_language(view, code), name=f"page_{code}")
        for code, slug in slugs.items()
    ]


def translated_url(namespace, language=None):
    """The view's URL in `language` (the active one by default, the site's default if unknown)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            return reverse(f"{namespace}:page_{language}")
        except NoReverseMatch:
            return reverse(f"{namespace}:page_{settings.LANGUAGE_CODE}")


def _in_its_own_language(view, slug_language):
    @wraps(view)
    def in_its_own_language(request, *args, **kwargs):
        language = translation.get_language()
        if slug_language != language:
            # /en/suche/: the English prefix with the German slug goes to /en/search/,
            # and the visitor keeps their query.
            target = translated_url(request.resolver_match.namespace, language)
            query = request.GET.urlencode()
            return HttpResponseRedirect(f"{target}?{query}" if query else target)
        return view(request, *args, **kwargs)

    return in_its_own_language
