"""Per-language slugs: every language gets one, so links and routing always agree."""

from anyascii import anyascii
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from cms.i18n import fallback_chain

# German spelling rules first; anyascii then handles everything else (é → e, ł → l).
GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)


def ascii_slug(text):
    """An ASCII slug: `Testcafé am Märkt` → `testcafe-am-maerkt`, `Straße` → `strasse`."""
    return slugify(anyascii(str(text).translate(GERMAN_TRANSLITERATION)))


def free_slug(slug, taken):
    """`slug`, or the first of `slug-2`, `slug-3` … that is not in `taken`."""
    candidate, suffix = slug, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{slug}-{suffix}"
    return candidate


def language_codes():
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return [default] + [code for code, _name in settings.LANGUAGES if code != default]


def fill_missing_slugs(page):
    """Give every language a slug: its own title's, else the fallback language's.

    wagtail-modeltranslation builds a language's URL from that language's slug or
    the default language's, but routes requests with the full fallback chain
    (pl → en → de); storing the resolved slug keeps both in agreement.
    """
    for code in language_codes():
        if getattr(page, f"slug_{code}", None):
            continue
        title = getattr(page, f"title_{code}", None)
        if title:
            setattr(page, f"slug_{code}", ascii_slug(title))
            continue
        for fallback in fallback_chain(code)[1:]:
            slug = getattr(page, f"slug_{fallback}", None)
            if slug:
                setattr(page, f"slug_{code}", slug)
                break


class TranslatedSlugPageForm(WagtailAdminPageForm):
    """Admin page form: ASCII slugs for new pages, and a free slug instead of a dead end.

    Wagtail's autosave creates the page while the editor is still typing, so an abandoned
    attempt leaves a draft holding the slug; the next attempt gets `slug-2` rather than
    an error. When an existing page is edited to a taken slug, the error is translated
    and proposes a free one (its URL is not changed behind the editor's back).
    """

    def clean(self):
        adding = self.instance.pk is None
        for code in language_codes():
            name = f"slug_{code}"
            slug = self.cleaned_data.get(name)
            if not slug or self.parent_page is None:
                continue
            if adding:
                slug = ascii_slug(slug) or slug
            taken = self._sibling_slugs(code)
            if slug not in taken:
                self.cleaned_data[name] = slug
            elif adding:
                self.cleaned_data[name] = free_slug(slug, taken)
            else:
                self.add_error(
                    name,
                    forms.ValidationError(
                        _(
                            "Another page here already uses the slug “%(slug)s” (perhaps an "
                            "unfinished draft). “%(free)s” is still free."
                        )
                        % {"slug": slug, "free": free_slug(slug, taken)},
                        code="slug_in_use",
                    ),
                )
        return super().clean()

    def _sibling_slugs(self, code):
        siblings = self.parent_page.get_children()
        if self.instance.pk:
            siblings = siblings.not_page(self.instance)
        # Each sibling's slug in this language, with modeltranslation's fallbacks.
        with translation.override(code):
            return {sibling.slug for sibling in siblings}


class TranslatedSlugMixin:
    """Fills missing per-language slugs before Wagtail validates and saves the page."""

    base_form_class = TranslatedSlugPageForm

    def full_clean(self, *args, **kwargs):
        fill_missing_slugs(self)
        super().full_clean(*args, **kwargs)
