from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from partners.views import NEW_KEY_LOG_ACTION, PartnerViewSet


@hooks.register("register_admin_viewset")
def register_partner_viewset():
    return PartnerViewSet()


@hooks.register("register_log_actions")
def register_partner_log_actions(actions):
    actions.register_action(NEW_KEY_LOG_ACTION, _("Issue new API key"), _("New API key issued"))
