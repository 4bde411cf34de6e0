"""The words of the searchable pages, for correcting a visitor's typos.

Used only when a search found nothing: each word of the query that no word of the
pages contains is replaced by the closest page word, at most one edit away for words of
five to seven letters and two for longer ones (a swap of two neighbouring letters counts
as one edit), compared in folded spelling so that "Kusterberg" finds "küsterberg".
"Did you mean" offers the closest words of the titles visitors read (`title_words`).

Reading the words means reading every title and summary (a second at 100 000 places,
ten under load), so no visitor waits for it after the first time: the words are kept in
the shared cache with the versions of what they were read from (`cms.page_cache` tags
of the searchable types and categories). When a page or category changes, searches go on
with the words read before, and one process (a lock in the cache) reads them again in a
thread of its own (`SEARCH_VOCABULARY_IN_BACKGROUND`; tests read them in the request).
Each process keeps the words it last used, prepared for lookups (folded spellings,
grouped by length: 0.4 s at 100 000 places), and fetches them from the cache again only
when another process stored newer ones; it then prepares them in a thread while its
older ones serve, and a new app server worker prepares them before its first visitor
(`prepare_in_background`, gunicorn.conf.py).
"""

import difflib
import logging
import re
import threading
import uuid
from collections import Counter, defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page

from cms import page_cache
from cms.visibility import public_pages
from pages.models import EventCategory
from search import content
from search.expansion import fold, spellings
from tourism.models import PointOfInterestCategory

logger = logging.getLogger(__name__)

MIN_CORRECTED = 5
# Corrections remembered per version of the words in a process: a typo is corrected
# before its search and after it, and finding the closest words took up to 20 ms.
MAX_CORRECTIONS_KEPT = 500
WORD = re.compile(r"[^\W\d_]{3,}")
TITLE_WORD_STRIP = ".,;:!?()\"'„“”"
# "Did you mean": how alike a title word must be (difflib's ratio).
CLOSE_TITLE_WORD = 0.75
# Longer than any rebuild takes; a process that dies while rebuilding holds it this long.
REBUILD_LOCK_SECONDS = 600


def _sources():
    return (*content.SEARCHABLE_MODELS.values(), PointOfInterestCategory, EventCategory)


_preparing_lock = threading.Lock()


class SharedWords:
    """Words read from every page, shared between processes and served while stale.

    `read()` returns the words; `prepare(words)` what lookups use, built once per process
    and version of the words.
    """

    def __init__(self, name, read, prepare):
        self.name = name
        self.read = read
        self.prepare = prepare
        self._local = None  # (generation, prepared words)
        self._preparing = None  # the generation a thread is preparing

    @property
    def _meta_key(self):
        return f"search:words:{self.name}"

    @property
    def _lock_key(self):
        return f"search:words:{self.name}:rebuilding"

    def _data_key(self, generation):
        return f"search:words:{self.name}:{generation}"

    def get(self):
        """The prepared words; stale ones (and a rebuild started) after a change."""
        background = getattr(settings, "SEARCH_VOCABULARY_IN_BACKGROUND", True)
        local = self._local
        meta = cache.get(self._meta_key)
        if meta is None:
            if local is not None and background:
                # Expired or emptied: this process's words serve while they are read again.
                self._refresh()
                return local[1]
            # Never read: there is nothing older to serve.
            return self._prepared(*self.rebuild())
        if not page_cache.still_current(meta["tags"]):
            self._refresh()
            if not background:
                meta = cache.get(self._meta_key) or meta
        if local is not None and local[0] == meta["generation"]:
            return local[1]
        if local is not None and background:
            # Newer words: prepared in a thread (0.4 s at 100 000 places), not in a visitor's
            # request; the ones of this process serve meanwhile.
            self._prepare_in_thread(meta["generation"])
            return local[1]
        return self._fetched(meta["generation"])

    def _fetched(self, generation):
        words = cache.get(self._data_key(generation))
        if words is None:
            return self._prepared(*self.rebuild())
        return self._prepared(generation, words)

    def _prepare_in_thread(self, generation):
        with _preparing_lock:
            if self._preparing == generation:
                return
            self._preparing = generation
        threading.Thread(
            target=self._prepare_quietly, args=(generation,), name=self._meta_key, daemon=True
        ).start()

    def _prepare_quietly(self, generation):
        try:
            self._fetched(generation)
        except Exception:
            logger.exception("Preparing the search words %s failed", self.name)
        finally:
            self._preparing = None
            connection.close()

    def last_read(self):
        """The prepared words this process used last, or None (no cache round trip)."""
        return self._local[1] if self._local else None

    def _prepared(self, generation, words):
        prepared = self.prepare(words)
        self._local = (generation, prepared)
        return prepared

    def _refresh(self):
        """Read the words again, once for all processes: here or in a thread."""
        if not cache.add(self._lock_key, True, timeout=REBUILD_LOCK_SECONDS):
            return
        if not getattr(settings, "SEARCH_VOCABULARY_IN_BACKGROUND", True):
            try:
                self.rebuild()
            finally:
                cache.delete(self._lock_key)
            return
        threading.Thread(target=self._rebuild_in_thread, name=self._meta_key, daemon=True).start()

    def _rebuild_in_thread(self):
        try:
            # Prepared here too: this process need not fetch what it just read.
            self._prepared(*self.rebuild())
        except Exception:
            logger.exception("Reading the search words %s failed", self.name)
        finally:
            cache.delete(self._lock_key)
            connection.close()

    def rebuild(self):
        """Read the words and store them: (generation, words)."""
        # The versions before reading: a change while reading leaves them stale.
        versions = page_cache.versions_of(
            {page_cache.EVERYTHING, *(page_cache.type_tag(model) for model in _sources())}
        )
        with page_cache.collecting():
            words = self.read()
        generation = uuid.uuid4().hex
        timeout = page_cache.FRAGMENT_SECONDS
        cache.set(self._data_key(generation), words, timeout=timeout)
        cache.set(self._meta_key, {"generation": generation, "tags": versions}, timeout=timeout)
        return generation, words


# --- typo correction ------------------------------------------------------------------


def _read_page_words():
    """Counter of the lower-case words of titles (every language), summaries, categories."""
    codes = content.languages()
    counts = Counter()

    def add(texts):
        for text in texts:
            if text:
                counts.update(WORD.findall(text.lower()))

    pages = Page.objects.filter(live=True, content_type__in=_content_types())
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


def _content_types():
    from django.contrib.contenttypes.models import ContentType

    content_types = ContentType.objects.get_for_models(*content.SEARCHABLE_MODELS.values())
    return list(content_types.values())


class PageWords:
    """The page words with their folded spellings, for `knows` and `closest`."""

    def __init__(self, counts):
        self.counts = counts
        by_length = defaultdict(list)
        folded_words = []
        for word, count in counts.items():
            folded = fold(word)
            folded_words.append(folded)
            by_length[len(folded)].append((folded, count, word))
        self.by_length = dict(by_length)
        # One text to look substrings up in (no word holds a line break).
        self.folded_text = "\n".join(folded_words)
        self._corrections = {}  # {text: correction}

    def knows(self, word):
        """Whether a page word contains `word` in some spelling."""
        return bool(self.counts) and any(
            fold(spelling) in self.folded_text for spelling in spellings(word)
        )

    def correct(self, text):
        """`text` with its unknown words replaced by the closest page words, or ""."""
        if text not in self._corrections:
            if len(self._corrections) >= MAX_CORRECTIONS_KEPT:
                self._corrections.clear()
            self._corrections[text] = self._corrected(text)
        return self._corrections[text]

    def _corrected(self, text):
        corrected, changed = [], False
        for term in text.lower().split():
            bare = term.strip(".,;:!?()\"'„“”")
            if len(bare) < MIN_CORRECTED or self.knows(bare):
                corrected.append(term)
                continue
            replacement = self.closest(bare)
            corrected.append(replacement or term)
            changed |= bool(replacement)
        return " ".join(corrected) if changed else ""

    def closest(self, word):
        """The page word closest to `word` within the allowed edits (most frequent first)."""
        key = fold(word)
        limit = allowed_edits(key)
        best = None
        for length in range(len(key) - limit, len(key) + limit + 1):
            for folded, count, candidate in self.by_length.get(length, ()):
                distance = edit_distance(key, folded, limit)
                if distance <= limit:
                    rank = (distance, -count, candidate)
                    if best is None or rank < best:
                        best = rank
        return best[2] if best else None


_page_words = SharedWords("page-words", _read_page_words, PageWords)


def page_words(language=None):
    """`PageWords` of titles (every language), summaries and categories."""
    return _page_words.get()


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
    """The word of `words` ({word: count}) closest to `word` within the allowed edits."""
    return PageWords(words).closest(word)


def correct(text, language):
    """`text` with its unknown words replaced by the closest page words, or ""."""
    return page_words(language).correct(text)


def foreseen_correction(text, terms):
    """`correct(text)` told before searching, for when `terms` (the words of `text` that
    find pages) find nothing: "" when a page word holds one of them.

    From the words this process used last, without a round trip to the cache ("" when it
    has used none): `correct()` after the search tells whether they were still current.
    """
    words = _page_words.last_read()
    if words is None or not terms or any(words.knows(term) for term in terms):
        return ""
    return words.correct(text)


# --- "did you mean" -------------------------------------------------------------------


def _read_title_words(language):
    """The words of the titles visitors of `language` read."""
    columns = [f"title_{code}" for code in content.language_chain(language)]
    pages = public_pages(Page.objects.filter(content_type__in=_content_types())).order_by()
    if hasattr(pages, "rewrite"):
        # modeltranslation's values_list() would select the columns in another order.
        pages = pages.rewrite(False)
    sql, params = pages.values_list(*columns).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    titles = " ".join(title for row in rows for title in row if title)
    words = {word.strip(TITLE_WORD_STRIP) for word in set(titles.casefold().split())}
    # Numbers ("Tour 12") are no spelling to correct towards.
    return {word for word in words if len(word) >= 3 and not word.isdigit()}


class TitleWords:
    """Title words grouped by length: difflib's ratio cannot reach the cutoff otherwise."""

    def __init__(self, words):
        self.words = frozenset(words)
        by_length = defaultdict(list)
        for word in sorted(self.words):
            by_length[len(word)].append(word)
        self.by_length = dict(by_length)

    def __contains__(self, word):
        return word in self.words

    def close_to(self, word):
        """The title word most like `word` (difflib, ratio ≥ 0.75), or None."""
        # ratio = 2·matches / (len(a) + len(b)) ≤ 2·min / (len(a) + len(b)).
        low = int(len(word) * CLOSE_TITLE_WORD / (2 - CLOSE_TITLE_WORD))
        high = int(len(word) * (2 - CLOSE_TITLE_WORD) / CLOSE_TITLE_WORD) + 1
        candidates = [
            candidate
            for length in range(max(low, 1), high + 1)
            for candidate in self.by_length.get(length, ())
        ]
        close = difflib.get_close_matches(word, candidates, n=1, cutoff=CLOSE_TITLE_WORD)
        return close[0] if close else None


_title_words = {}


def title_words(language):
    """`TitleWords` of the titles visitors of `language` read (their language, else the
    fallback's)."""
    if language not in _title_words:
        _title_words[language] = SharedWords(
            f"title-words:{language}", lambda: _read_title_words(language), TitleWords
        )
    return _title_words[language].get()


def prepare_in_background():
    """Read and prepare every process-kept word list in a thread (a new app server worker:
    gunicorn.conf.py), so that no visitor's first typo or "did you mean" waits for it."""

    def prepare():
        try:
            page_words()
            for language in content.languages():
                title_words(language)
        except Exception:
            logger.exception("Preparing the search words failed")
        finally:
            connection.close()

    threading.Thread(target=prepare, name="search-words-warm", daemon=True).start()
