"""Incremental indexing on publish, unpublish, move, slug change and delete.

A failing Elasticsearch must never lose an editor's publish, nor the update itself:
every handler catches and logs, and what could not be written waits in the outbox
(`search/outbox.py`) until Elasticsearch takes it.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from elasticsearch import ApiError, NotFoundError, TransportError
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search import api, content, outbox
from search.api import elasticsearch_enabled
from search.indexing import index_page, index_subtree, remove_page

logger = logging.getLogger(__name__)


def _enabled():
    return elasticsearch_enabled()


def _safely(action, description, page_id, subtree=False):
    """Run an index write; if Elasticsearch is not there for it, queue the page instead."""
    if api.elasticsearch_skipped():
        logger.warning("search: Elasticsearch is down; %s queued for the index", description)
        outbox.queue([page_id], description, subtree=subtree)
        return
    try:
        action()
    except NotFoundError:
        logger.warning(
            "search: no index yet, not updated after %s (run `manage.py search_index --rebuild`)",
            description,
        )
        return
    except (ApiError, TransportError) as error:
        api.open_circuit()
        logger.warning("search: could not update the index after %s: %s", description, error)
        outbox.queue([page_id], description, subtree=subtree)
        return
    except Exception:  # any failure is logged and queued; the publish itself has succeeded
        logger.exception("search: could not update the index after %s", description)
        outbox.queue([page_id], description, subtree=subtree)
        return
    # Elasticsearch answers again: send some of what it missed meanwhile.
    if outbox.has_pending():
        outbox.retry(limit=outbox.BATCH_AFTER_WRITE)


def on_publish_or_unpublish(sender, instance, **kwargs):
    if not _enabled() or type(instance.specific_deferred) not in content.TYPE_OF_MODEL:
        return
    _safely(
        lambda: index_page(instance), f"publishing or unpublishing page {instance.pk}", instance.pk
    )


def on_delete(sender, instance, **kwargs):
    if not _enabled() or type(instance) not in content.TYPE_OF_MODEL:
        return
    _safely(lambda: remove_page(instance.pk), f"deleting page {instance.pk}", instance.pk)


def on_move(sender, instance, **kwargs):
    if not _enabled():
        return
    _safely(lambda: index_subtree(instance), f"moving page {instance.pk}", instance.pk, True)


def on_view_restriction_change(sender, instance, **kwargs):
    """A section got or lost a view restriction: its pages leave or rejoin the index."""
    if not _enabled():
        return
    page_id = instance.page_id

    def reindex():
        section = Page.objects.filter(pk=page_id).first()
        if section is None:  # deleted with its section; on_delete removed the pages
            return
        index_subtree(section)

    transaction.on_commit(
        lambda: _safely(
            reindex, f"changing the view restriction of page {page_id}", page_id, subtree=True
        )
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
