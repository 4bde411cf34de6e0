"""Incremental indexing on publish, unpublish, move, slug change and delete.

A failing Elasticsearch must never lose an editor's publish: every handler catches and
logs; `manage.py search_index --check` shows the drift and `--rebuild` repairs it.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search import api, content
from search.api import elasticsearch_enabled
from search.indexing import index_page, pages_below, remove_page

logger = logging.getLogger(__name__)


def _enabled():

    return elasticsearch_enabled()


def _safely(action, description):
    from elasticsearch import NotFoundError, TransportError

    if api.elasticsearch_skipped():
        logger.warning("search: Elasticsearch is down, index not updated after %s", description)
        return
    try:
        action()
    except NotFoundError:
        logger.warning(
            "search: no index yet, not updated after %s (run `manage.py search_index --rebuild`)",
            description,
        )
    except TransportError as error:
        api.open_circuit()
        logger.warning("search: could not update the index after %s: %s", description, error)
    except Exception:  # any failure is logged; the publish itself has succeeded
        logger.exception("search: could not update the index after %s", description)


def on_publish_or_unpublish(sender, instance, **kwargs):
    if not _enabled() or type(instance.specific_deferred) not in content.TYPE_OF_MODEL:
        return

    _safely(lambda: index_page(instance), f"publishing or unpublishing page {instance.pk}")


def on_delete(sender, instance, **kwargs):
    if not _enabled() or type(instance) not in content.TYPE_OF_MODEL:
        return

    _safely(lambda: remove_page(instance.pk), f"deleting page {instance.pk}")


def on_move(sender, instance, **kwargs):
    if not _enabled():
        return

    def reindex():
        for page in pages_below(instance):
            index_page(page)

    _safely(reindex, f"moving page {instance.pk}")


def on_view_restriction_change(sender, instance, **kwargs):
    """A section got or lost a view restriction: its pages leave or rejoin the index."""
    if not _enabled():
        return
    page_id = instance.page_id

    def reindex():
        section = Page.objects.filter(pk=page_id).first()
        if section is None:  # deleted with its section; on_delete removed the pages
            return
        # index_page indexes a page that visitors may see and removes one they may not.
        for model in content.SEARCHABLE_MODELS.values():
            for page in model.objects.filter(path__startswith=section.path).iterator():
                index_page(page)

    transaction.on_commit(
        lambda: _safely(reindex, f"changing the view restriction of page {page_id}")
    )


def register_signal_handlers():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="search_page_published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_move, dispatch_uid="search_page_moved")
    # A new slug changes the URLs of every page below.
    page_slug_changed.connect(on_move, dispatch_uid="search_page_slug_changed")
    post_delete.connect(on_delete, dispatch_uid="search_page_deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_view_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"search_view_restriction_{signal is post_save}",
        )
