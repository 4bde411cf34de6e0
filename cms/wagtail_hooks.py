from django.conf import settings
from django.http import Http404
from django.templatetags.static import static
from django.urls import re_path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.action_menu import PublishMenuItem

from cms.admin_listing import explorer_page_viewset
from cms.translation_copy import copy_translation_content


@hooks.register("insert_editor_js")
def admin_map_picker():
    """The position picker on point-of-interest forms (uses the site's tile setting)."""
    return format_html(
        '<div id="admin-map-picker-config" hidden data-tile-url="{}" data-tile-attribution="{}"'
        ' data-leaflet-js="{}" data-leaflet-css="{}" data-lat="{}" data-lon="{}"'
        ' data-label-open="{}" data-label-marker="{}"></div>'
        '<script src="{}" defer></script><script src="{}" defer></script>',
        settings.MAP_TILE_URL,
        settings.MAP_TILE_ATTRIBUTION,
        static("vendor/leaflet/leaflet.js"),
        static("vendor/leaflet/leaflet.css"),
        settings.TOWN_LATITUDE,
        settings.TOWN_LONGITUDE,
        _("Pick the position on a map"),
        _("Position of the place"),
        static("js/leaflet-loader.js"),
        static("js/admin-map-picker.js"),
    )


@hooks.register("insert_editor_js")
def autosave_guard():
    """Publishing waits for an autosave under way, so it never makes a second page."""
    return format_html('<script src="{}" defer></script>', static("js/admin-autosave-guard.js"))


@hooks.register("construct_page_action_menu")
def publish_as_main_action(menu_items, request, context):
    """Make "Veröffentlichen" the main button for editors who may publish.

    Wagtail makes the first item the button and the rest its dropdown; the items arrive
    sorted by order and only those the user may use, so Publish is here exactly when the
    editor may publish. "Entwurf speichern" moves into the dropdown.
    """
    for position, item in enumerate(menu_items):
        if isinstance(item, PublishMenuItem):
            menu_items.insert(0, menu_items.pop(position))
            return


@hooks.register("before_serve_page")
def hide_expired_page(page, request, serve_args, serve_kwargs):
    """A page past its expiry date is gone, even before `publish_scheduled` unpublishes it."""
    if page.expire_at is not None and page.expire_at <= timezone.now():
        raise Http404


# Registered before wagtail-modeltranslation's own view for the same address (order=-1).
@hooks.register("register_admin_urls", order=-1)
def safe_translation_copy_url():
    return [
        re_path(
            r"^pages/(?P<page_id>\d+)/edit/copy_translation_content/$",
            copy_translation_content,
            name="copy_translation_content",
        )
    ]


# Registered after Wagtail's own base page viewset (order=-1), which it replaces.
@hooks.register("register_admin_viewset")
def page_viewset():
    return explorer_page_viewset
