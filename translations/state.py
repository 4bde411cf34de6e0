"""Which translations of a page lag behind its German text.

Every full save of a page (publishing, or code that saves it) compares each translated
field's German text and translation with the hashes kept from the previous save: a German
text that changed under an unchanged translation makes that translation outdated; an edited
translation, or an editor's review, makes it fresh again. An empty translation is missing,
never outdated: visitors read the fallback as before. Drafts do not count, visitors do not
see them.
"""

import hashlib
import json
import re

from django.conf import settings
from django.utils import timezone
from django.utils.text import capfirst
from modeltranslation.translator import NotRegistered, translator
from wagtail.blocks import StreamValue
from wagtail.models import Page

from cms import page_cache
from cms.i18n import fallback_chain
from translations.models import TranslationState

# Filled from the title when empty; their own changes are not translations.
UNTRACKED_FIELDS = {"slug", "url_path"}
# Wagtail adds these keys to rich text when it passes through the editor; they are not text.
BLOCK_KEY = re.compile(r'\sdata-block-key=\\?"[^"\\]*\\?"')


def source_language():
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != source_language()]


def tracked_fields(model):
    """The translated fields of a page type, title first."""
    try:
        names = translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        return []
    names = [name for name in names if name not in UNTRACKED_FIELDS]
    return sorted(names, key=lambda name: name != "title")


def field_label(model, name):
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except Exception:  # a field removed since the state was recorded
        return name


def _without_block_ids(data):
    if isinstance(data, list):
        return [_without_block_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_block_ids(value) for key, value in data.items() if key != "id"}
    return data


def comparable_text(value):
    """The text of a field value as far as a reader sees it; "" when empty."""
    if value is None:
        return ""
    if isinstance(value, StreamValue):
        data = _without_block_ids(value.get_prep_value())
        value = json.dumps(data, sort_keys=True, ensure_ascii=False) if data else ""
    return BLOCK_KEY.sub("", str(value)).strip()


def digest(value):
    text = comparable_text(value)
    return hashlib.sha256(text.encode()).hexdigest() if text else ""


def record(page):
    """Compare the page's texts with the last save's; return the languages whose state changed."""
    fields = tracked_fields(type(page))
    if not fields or page.pk is None:
        return set()
    now = timezone.now()
    known = {
        (state.field_name, state.language): state
        for state in TranslationState.objects.filter(page_id=page.pk)
    }
    new, changed, flipped = [], [], set()
    for name in fields:
        source = digest(getattr(page, f"{name}_{source_language()}"))
        for language in target_languages():
            translation = digest(getattr(page, f"{name}_{language}"))
            state = known.get((name, language))
            if state is None:
                new.append(
                    TranslationState(
                        page_id=page.pk,
                        field_name=name,
                        language=language,
                        source_hash=source,
                        translation_hash=translation,
                        translated_at=now if translation else None,
                    )
                )
                continue
            before = (state.outdated, state.source_hash, state.translation_hash)
            if not translation:
                state.outdated = False
            elif translation != state.translation_hash:
                state.outdated = False
                state.translated_at = now
            elif source != state.source_hash:
                state.outdated = True
                state.source_changed_at = now
            state.source_hash, state.translation_hash = source, translation
            if (state.outdated, state.source_hash, state.translation_hash) != before:
                changed.append(state)
                if state.outdated != before[0]:
                    flipped.add(language)
    TranslationState.objects.bulk_create(new)
    TranslationState.objects.bulk_update(
        changed,
        ["outdated", "source_hash", "translation_hash", "source_changed_at", "translated_at"],
    )
    if flipped:
        page_cache.bump({f"page:{page.pk}"})
    return flipped


def mark_reviewed(page, language, user, field_names=None):
    """The editor checked these translations (all of the language's when no names are given)."""
    states = TranslationState.objects.filter(page_id=page.pk, language=language, outdated=True)
    if field_names:
        states = states.filter(field_name__in=field_names)
    count = states.update(outdated=False, reviewed_at=timezone.now(), reviewed_by=user)
    if count:
        page_cache.bump({f"page:{page.pk}"})
    return count


def outdated_fields(page):
    """{language: [field name, …]} of the page's outdated translations, in one query."""
    order = {name: position for position, name in enumerate(tracked_fields(type(page)))}
    result = {}
    states = TranslationState.objects.filter(page_id=page.pk, outdated=True)
    for language, name in states.values_list("language", "field_name"):
        result.setdefault(language, []).append(name)
    for names in result.values():
        names.sort(key=lambda name: order.get(name, len(order)))
    return result


def freshness(page):
    """Every translation language's state: {"en": {"outdated": bool, "fields": […]}, …}."""
    return _freshness(outdated_fields(page))


def freshness_by_page(pages):
    """{page id: freshness} for a list page, in one query."""
    pages = list(pages)
    outdated = {page.pk: {} for page in pages}
    order = {}
    states = TranslationState.objects.filter(page_id__in=list(outdated), outdated=True)
    for page_id, language, name in states.values_list("page_id", "language", "field_name"):
        outdated[page_id].setdefault(language, []).append(name)
    for page in pages:
        if type(page) not in order:
            order[type(page)] = {n: i for i, n in enumerate(tracked_fields(type(page)))}
        positions = order[type(page)]
        for names in outdated[page.pk].values():
            names.sort(key=lambda name: positions.get(name, len(positions)))
    return {page_id: _freshness(by_language) for page_id, by_language in outdated.items()}


def _freshness(outdated):
    return {
        language: {"outdated": bool(outdated.get(language)), "fields": outdated.get(language, [])}
        for language in target_languages()
    }


def outdated_fields_read_in(page, language):
    """The fields a visitor reading `language` sees in an outdated translation.

    With the fallback a Polish reader of an empty Polish field reads the English text, so
    that text's state counts; German is never outdated.
    """
    chain = [code for code in fallback_chain(language) if code != source_language()]
    if not chain:
        return []
    states = TranslationState.objects.filter(page_id=page.pk, language__in=chain)
    by_field = {}
    for name, code, translated, outdated in states.values_list(
        "field_name", "language", "translation_hash", "outdated"
    ):
        by_field.setdefault(name, {})[code] = (translated, outdated)
    fields = []
    for name in tracked_fields(type(page)):
        for code in chain:
            translated, outdated = by_field.get(name, {}).get(code, ("", False))
            if translated:
                if outdated:
                    fields.append(name)
                break
    return fields


def has_state(page):
    return TranslationState.objects.filter(page_id=page.pk).exists()


def pages_without_state():
    """Pages saved before this app existed, or written past Django's signals."""
    return Page.objects.filter(depth__gt=1).exclude(
        pk__in=TranslationState.objects.values("page_id")
    )
