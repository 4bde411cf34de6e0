from django.db.models.signals import post_save, pre_save
from wagtail.models import Page

from translations import state


def _keeps_texts(instance, raw, update_fields):
    # Saving a draft writes only the page's bookkeeping columns (update_fields); publishing
    # and saves from code write the texts visitors read.
    if raw or update_fields is not None or not isinstance(instance, Page):
        return False
    if instance.depth is None or instance.depth < 2:
        return False
    # A bare Page object does not carry its type's fields.
    return type(instance) is instance.specific_class


def record_text_before_first_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """A page saved before this app existed starts from its stored texts, all fresh."""
    if instance.pk is None or not _keeps_texts(instance, raw, update_fields):
        return
    if not state.has_state(instance):
        stored = type(instance).objects.filter(pk=instance.pk).first()
        if stored is not None:
            state.record(stored)


def record_saved_page(sender, instance, raw=False, update_fields=None, **kwargs):
    if _keeps_texts(instance, raw, update_fields):
        state.record(instance)


def connect():
    pre_save.connect(record_text_before_first_save, dispatch_uid="translations_before_save")
    post_save.connect(record_saved_page, dispatch_uid="translations_record_saved_page")
