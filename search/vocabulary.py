"""The words of the searchable pages, for correcting a visitor's typos.

Used only when a search found nothing: each word of the query that no word of the
pages contains is replaced by the closest page word, at most one edit away for words of
five to seven letters and two for longer ones (a swap of two neighbouring letters counts
as one edit), compared in folded spelling so that "Kusterberg" finds "küsterberg".

Reading the words means reading every title and summary (seconds at 100 000 places), so
they are kept in the cache like the menu (`cms.page_cache.cached_fragment`) until a page
of a searchable type or a category changes.
"""

import re
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cms import page_cache
from pages.models import EventCategory
from search import content
from search.expansion import fold, spellings
from tourism.models import PointOfInterestCategory

MIN_CORRECTED = 5
WORD = re.compile(r"[^\W\d_]{3,}")


def page_words(language=None):
    """Counter of the lower-case words of titles (every language), summaries, categories."""
    return page_cache.cached_fragment("search:page-words", _read_page_words)


def _read_page_words():
    # Rows are read as values, which record no dependency: name what the words come from.
    sources = (*content.SEARCHABLE_MODELS.values(), PointOfInterestCategory, EventCategory)
    for model in sources:
        page_cache.depends_on_type(model)
    codes = content.languages()
    counts = Counter()

    def add(texts):
        for text in texts:
            if text:
                counts.update(WORD.findall(text.lower()))

    content_types = ContentType.objects.get_for_models(*content.SEARCHABLE_MODELS.values())
    pages = Page.objects.filter(live=True, content_type__in=list(content_types.values()))
    for row in pages.values_list(*[f"title_{code}" for code in codes]):
        add(row)
    for type_, model in content.SEARCHABLE_MODELS.items():
        fields = [f"{content.SUMMARY_FIELD[type_]}_{code}" for code in codes]
        for row in model.objects.filter(live=True).values_list(*fields):
            add(row)
    for model in (PointOfInterestCategory, EventCategory):
        for row in model.objects.values_list(*[f"name_{code}" for code in codes]):
            add(row)
    return counts


def edit_distance(a, b, limit):
    """Optimal string alignment distance of `a` and `b`, or limit + 1 when larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous2 is not None
                and i > 1
                and j > 1
                and char_a == b[j - 2]
                and a[i - 2] == char_b
            ):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_edits(word):
    return 2 if len(word) >= 8 else 1


def closest(word, words):
    """The page word closest to `word` within the allowed edits (most frequent first)."""
    key = fold(word)
    limit = allowed_edits(key)
    best = None
    for candidate, count in words.items():
        distance = edit_distance(key, fold(candidate), limit)
        if distance <= limit:
            rank = (distance, -count, candidate)
            if best is None or rank < best:
                best = rank
    return best[2] if best else None


def correct(text, language):
    """`text` with its unknown words replaced by the closest page words, or ""."""
    words = page_words(language)
    folded = [fold(word) for word in words]
    corrected, changed = [], False
    for term in text.lower().split():
        bare = term.strip(".,;:!?()\"'„“”")
        known = any(fold(spelling) in word for spelling in spellings(bare) for word in folded)
        if len(bare) < MIN_CORRECTED or known:
            corrected.append(term)
            continue
        replacement = closest(bare, words)
        corrected.append(replacement or term)
        changed |= bool(replacement)
    return " ".join(corrected) if changed else ""
