"""wagtail-modeltranslation's "copy content to another language" call, made safe.

The library's view answers 500 for a GET, an unknown page, a malformed body or a field
that is not a stream field, skips CSRF and renders any page's fields for any admin user.
This view takes its URL (registered first) and lets only a well-formed request from an
editor of that page through to the library's rendering; everything else gets a 4xx JSON.
"""

import json

from django.views.decorators.http import require_POST
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_modeltranslation.wagtail_hooks import return_translation_target_field_rendered_html

from cms.http import json_error


def _stream_field(page, name):
    try:
        field = page._meta.get_field(name or "")
    except Exception:  # FieldDoesNotExist, or a name that is not a string
        return None
    return field if isinstance(field, StreamField) else None


@require_POST
def copy_translation_content(request, page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return json_error(404, "not_found", "There is no page with this id.")
    page = page.specific
    if not page.permissions_for_user(request.user).can_edit():
        return json_error(403, "forbidden", "You may not edit this page.")
    if request.headers.get("X-Requested-With") != "XMLHttpRequest":
        return json_error(400, "not_ajax", "This address answers the page editor's script only.")
    origin = _stream_field(page, request.POST.get("origin_field_name"))
    target = _stream_field(page, request.POST.get("target_field_name"))
    if origin is None or target is None:
        return json_error(400, "bad_field", "Both fields must be stream fields of this page.")
    try:
        serialized = json.loads(request.POST.get("serializedOriginField") or "")
        well_formed = isinstance(serialized, list) and all(
            isinstance(item, dict) and isinstance(item.get("name"), str) for item in serialized
        )
    except ValueError:
        well_formed = False
    if not well_formed:
        return json_error(400, "bad_content", "The copied content could not be read.")
    try:
        return return_translation_target_field_rendered_html(request, page.pk)
    except (ValueError, KeyError, TypeError):
        return json_error(400, "bad_content", "The copied content could not be read.")
