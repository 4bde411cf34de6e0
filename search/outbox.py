"""Index updates that Elasticsearch missed are kept and sent again when it is back.

Every publish, unpublish, move, delete and view-restriction change that could not reach
Elasticsearch (down, slow, or skipped while the circuit is open) leaves a row in
`PendingIndexUpdate`. The next successful index write sends a batch of them, and
`manage.py search_index --retry` (every few minutes, docs/operations.md) sends the rest,
so an outage never leaves a page stale, unpublished or private in the index.
"""

import logging

from django.db.models import F
from django.utils import timezone
from elasticsearch import ApiError, TransportError
from wagtail.models import Page

from search.indexing import index_page, index_subtree, remove_page
from search.models import PendingIndexUpdate

logger = logging.getLogger(__name__)

# Sent after a successful write, so that an editor's publish waits for only a few more.
BATCH_AFTER_WRITE = 20


def queue(page_ids, reason, subtree=False):
    """Remember pages whose documents must be written again."""
    for page_id in page_ids:
        entry, created = PendingIndexUpdate.objects.get_or_create(
            page_id=page_id, defaults={"reason": reason[:200], "subtree": subtree}
        )
        if not created:
            changes = {"reason": reason[:200], "queued_at": timezone.now()}
            if subtree and not entry.subtree:
                changes["subtree"] = True
            PendingIndexUpdate.objects.filter(pk=entry.pk).update(**changes)


def pending_count():
    return PendingIndexUpdate.objects.count()


def has_pending():
    return PendingIndexUpdate.objects.exists()


def send(entry, client=None):
    """Write one queued update: the page (and those below), or its removal if it is gone."""
    page = Page.objects.filter(pk=entry.page_id).first()
    if page is None:
        remove_page(entry.page_id, client=client)
    elif entry.subtree:
        index_subtree(page, client=client)
    else:
        index_page(page, client=client)


def retry(limit=None, client=None):
    """Send queued updates, oldest first; stop at the first failure. → (sent, left)."""
    entries = PendingIndexUpdate.objects.all()
    if limit is not None:
        entries = entries[:limit]
    sent = 0
    for entry in list(entries):
        try:
            send(entry, client=client)
        except (ApiError, TransportError) as error:
            PendingIndexUpdate.objects.filter(pk=entry.pk).update(
                attempts=F("attempts") + 1, last_error=str(error)[:1000]
            )
            logger.warning("search: %s index update(s) still pending: %s", pending_count(), error)
            break
        # Deleted only if nobody queued the page again meanwhile.
        PendingIndexUpdate.objects.filter(pk=entry.pk, queued_at=entry.queued_at).delete()
        sent += 1
    return sent, pending_count()
