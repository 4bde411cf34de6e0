"""Keep what is derived from places and notices up to date when editors change them."""

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published

from cms import page_cache
from cms.purge import page_urls_in_every_language
from cms.visibility import public_pages
from tourism import notices
from tourism.models import Notice, NoticeRoute, PointOfInterestPage, RoutePage
from tourism.models.opening_periods import forget_coverage, refresh_opening_periods


def refresh_periods_of_published_place(sender, instance, **kwargs):
    refresh_opening_periods([instance])


def notice_changed(sender, instance, **kwargs):
    # Bumped again on commit, after its places and routes are saved (page_cache.bump).
    page_cache.bump({page_cache.type_tag(Notice)})
    # A deleted notice's pages were collected before the delete (notice_deleting).
    deleted = kwargs.get("signal") is post_delete
    if settings.WAGTAILFRONTENDCACHE and isinstance(instance, Notice) and not deleted:
        transaction.on_commit(lambda: purge(affected_page_urls(instance)))


def notice_deleting(sender, instance, **kwargs):
    # After the delete the notice's places and routes are gone: collect them now.
    if settings.WAGTAILFRONTENDCACHE:
        urls = affected_page_urls(instance)
        transaction.on_commit(lambda: purge(urls))


def affected_page_urls(notice):
    """The URLs (every language) of the public pages that show the notice."""
    pages = [
        *public_pages(PointOfInterestPage.objects.filter(notices=notice)),
        *public_pages(RoutePage.objects.filter(notice_links__notice=notice)),
    ]
    return {url for page in pages for url in page_urls_in_every_language(page)}


def purge(urls):
    """Tell a CDN to drop these pages; town-wide notices reach the rest within s-maxage."""
    batch = PurgeBatch()
    batch.add_urls(urls)
    batch.purge()


def connect():
    page_published.connect(
        refresh_periods_of_published_place,
        sender=PointOfInterestPage,
        dispatch_uid="refresh_periods_of_published_place",
    )
    # A place saved, copied or deleted may be one whose periods are not worked out yet.
    post_save.connect(
        forget_coverage, sender=PointOfInterestPage, dispatch_uid="opening_coverage_saved"
    )
    post_delete.connect(
        forget_coverage, sender=PointOfInterestPage, dispatch_uid="opening_coverage_deleted"
    )
    for model in (Notice, NoticeRoute):
        name = model.__name__
        post_save.connect(notice_changed, sender=model, dispatch_uid=f"notice_changed_{name}")
        post_delete.connect(notice_changed, sender=model, dispatch_uid=f"notice_deleted_{name}")
    pre_delete.connect(notice_deleting, sender=Notice, dispatch_uid="notice_deleting")
    m2m_changed.connect(
        notice_changed,
        sender=Notice.points_of_interest.through,
        dispatch_uid="notice_places_changed",
    )
    request_started.connect(
        lambda **kwargs: notices.forget_for_request(True),
        dispatch_uid="notices_request_started",
        weak=False,
    )
    request_finished.connect(
        lambda **kwargs: notices.forget_for_request(False),
        dispatch_uid="notices_request_finished",
        weak=False,
    )
