from django.urls import path, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from translations import state, views


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "reports/outdated-translations/",
            views.outdated_translations_report,
            name="outdated_translations_report",
        ),
        path("translations/<int:page_id>/", views.review, name="translations_review"),
        path(
            "translations/<int:page_id>/reviewed/",
            views.mark_reviewed,
            name="translations_mark_reviewed",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_outdated_translations_menu_item():
    return MenuItem(
        gettext_lazy("Outdated translations"),
        reverse("outdated_translations_report"),
        icon_name="globe",
        order=950,
    )


@hooks.register("before_edit_page")
def warn_about_outdated_translations(request, page):
    """The editor opens a page: say which translations lag behind the German text."""
    if request.method != "GET":
        return
    outdated = state.outdated_fields(page)
    if not outdated:
        return
    names = views.language_names()
    parts = [
        format_lazy(
            "{}: {}",
            names.get(code, code),
            ", ".join(str(state.field_label(type(page), field)) for field in fields),
        )
        for code, fields in sorted(outdated.items())
    ]
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    review_url = reverse("translations_review", args=[page.pk]) + f"?next={edit_url}"
    messages.warning(
        request,
        _("The German text changed after these translations: %(fields)s.")
        % {"fields": "; ".join(str(part) for part in parts)},
        buttons=[messages.button(review_url, _("Review translations"))],
    )
