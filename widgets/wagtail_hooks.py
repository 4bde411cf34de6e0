"""The widget configurator in the admin, so editors can build snippets for partners."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from widgets.views import AdminConfiguratorView


@hooks.register("register_admin_urls")
def register_widget_configurator_url():
    return [
        path("widgets/", AdminConfiguratorView.as_view(), name="widgets_configurator"),
    ]


@hooks.register("register_admin_menu_item")
def register_widget_configurator_menu_item():
    return MenuItem(
        _("Widgets for partners"),
        reverse("widgets_configurator"),
        icon_name="code",
        order=900,
    )
