"""The search's word lists are prepared off the visitors' requests once a process has some.

No page is read here: each list reads from a counter, so that only the sharing is tested
(the cache of the test settings, threads as in production).
"""

import runpy
import threading
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from search import content, vocabulary


def _reads():
    """A read function returning {"v1": 1}, {"v2": 1}, … one per call."""
    calls = []

    def read():
        calls.append(1)
        return {f"v{len(calls)}": 1}

    return read


def _shared():
    return vocabulary.SharedWords(f"test-{uuid.uuid4().hex}", _reads(), dict)


def _join(name):
    for thread in threading.enumerate():
        if thread.name == name:
            thread.join(timeout=10)


@pytest.fixture
def _in_background():
    with override_settings(SEARCH_VOCABULARY_IN_BACKGROUND=True):
        yield


@pytest.mark.usefixtures("_in_background")
def test_newer_words_are_prepared_in_a_thread_while_the_old_ones_serve():
    shared = _shared()
    assert shared.get() == {"v1": 1}  # nothing older: read in the request
    shared.rebuild()  # another process stored newer words
    assert shared.get() == {"v1": 1}  # served at once
    _join(shared._meta_key)
    assert shared.get() == {"v2": 1}


@pytest.mark.usefixtures("_in_background")
def test_words_gone_from_the_cache_are_read_again_in_a_thread():
    shared = _shared()
    assert shared.get() == {"v1": 1}
    cache.delete(shared._meta_key)  # expired after a day, or the cache was emptied
    assert shared.get() == {"v1": 1}
    _join(shared._meta_key)
    assert cache.get(shared._meta_key) is not None
    assert shared.get() == {"v2": 1}


def test_without_words_in_the_process_the_request_reads_them():
    shared = _shared()
    with override_settings(SEARCH_VOCABULARY_IN_BACKGROUND=True):
        assert shared.get() == {"v1": 1}


def test_a_new_worker_prepares_every_list_before_its_first_visitor(monkeypatch):
    page_words = _shared()
    title_words = {language: _shared() for language in content.languages()}
    monkeypatch.setattr(vocabulary, "_page_words", page_words)
    monkeypatch.setattr(vocabulary, "_title_words", title_words)
    hooks = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
    hooks["post_worker_init"](worker=None)
    _join("search-words-warm")
    assert page_words.last_read() == {"v1": 1}
    assert all(words.last_read() == {"v1": 1} for words in title_words.values())
