"""The partners' admin: list, forms, a new key on request, and the usage report.

Everything goes through Wagtail's model permissions for `Partner` (add, change, delete,
view): editors without them see neither the menu item nor a key. Viewing shows usage but
not the key; the key and a new one need "change".
"""

from django.contrib.admin.utils import quote
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import log_actions
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, NumberColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, MenuItem

from partners import charts, usage
from partners.models import Partner
from partners.panels import ApiKeyPanel

NEW_KEY_LOG_ACTION = "partners.new_key"
RECENT_DAYS = 30
REPORT_PERIODS = (30, 90)
VIEW_PERMISSIONS = ["add", "change", "delete", "view"]


class DayColumn(Column):
    """A date as a short date ("26.11.2026"), not "3 hours ago" for today."""

    empty_value_display = "—"

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(value, "SHORT_DATE_FORMAT") if value else ""


class PartnerIndexView(IndexView):
    # Meta.ordering does not apply to the aggregating query.
    default_ordering = "name"
    report_url_name = None

    def get_base_queryset(self):
        return usage.with_recent_usage(super().get_base_queryset(), days=RECENT_DAYS)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Usage report"),
                url=reverse(self.report_url_name, args=[quote(instance.pk)]),
                icon_name="table",
                priority=15,
            )
        )
        return buttons


class PartnerEditView(EditView):
    new_key_url_name = None
    report_url_name = None

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        pk = quote(self.object.pk)
        buttons.append(
            Button(
                _("Usage report"),
                url=reverse(self.report_url_name, args=[pk]),
                icon_name="table",
                priority=5,
            )
        )
        buttons.append(
            Button(
                _("Issue a new key"),
                url=reverse(self.new_key_url_name, args=[pk]),
                icon_name="rotate",
                priority=6,
            )
        )
        return buttons


class PartnerObjectView(
    PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """A page about one partner, below "Partners › <name>" in the breadcrumbs."""

    model = Partner
    index_url_name = None
    edit_url_name = None

    def get_page_title(self):
        # The slim header shows only the last breadcrumb: it names the partner.
        return self.page_title % {"name": self.object}

    def get_edit_url(self):
        return reverse(self.edit_url_name, args=[quote(self.object.pk)])

    def get_context_data(self, **kwargs):
        return super().get_context_data(partner=self.object, **kwargs)

    def get_breadcrumbs_items(self):
        items = [
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(Partner._meta.verbose_name_plural),
            }
        ]
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            items.append({"url": self.get_edit_url(), "label": str(self.object)})
        return [*self.breadcrumbs_items, *items, {"url": "", "label": self.get_page_title()}]


class NewKeyView(PartnerObjectView):
    """Asks, then replaces the partner's key; the old key is refused from then on."""

    permission_required = "change"
    template_name = "partners/admin/new_key.html"
    page_title = gettext_lazy("New API key for %(name)s")
    header_icon = "rotate"

    def post(self, request, *args, **kwargs):
        self.object.issue_new_key()
        log_actions.log(self.object, NEW_KEY_LOG_ACTION, user=request.user)
        messages.success(
            request,
            _("Partner “%(name)s” has a new API key; the old one no longer works.")
            % {"name": self.object},
        )
        return HttpResponseRedirect(self.get_edit_url())


class UsageReportView(PartnerObjectView):
    """Requests per day and channel over the last 30 or 90 days: counts only."""

    any_permission_required = VIEW_PERMISSIONS
    template_name = "partners/admin/usage_report.html"
    page_title = gettext_lazy("Usage of %(name)s")
    header_icon = "table"
    report_url_name = None

    def get_days(self):
        try:
            days = int(self.request.GET.get("days", REPORT_PERIODS[0]))
        except ValueError:
            return REPORT_PERIODS[0]
        return days if days in REPORT_PERIODS else REPORT_PERIODS[0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = self.get_days()
        rows = usage.daily_usage(self.object, days)
        report_url = reverse(self.report_url_name, args=[quote(self.object.pk)])
        context.update(
            {
                "days": days,
                "periods": [
                    {
                        "days": period,
                        "url": f"{report_url}?days={period}",
                        "current": period == days,
                    }
                    for period in REPORT_PERIODS
                ],
                "chart": charts.usage_chart_svg(rows),
                # Newest first: the table is read for "how was last week?".
                "rows": list(reversed(rows)),
                "totals": usage.totals(rows),
            }
        )
        return context


class PartnerViewSet(ModelViewSet):
    model = Partner
    # /admin/partners/, URL names "partners:…".
    name = "partners"
    icon = "group"
    add_to_admin_menu = True
    menu_order = 850
    copy_view_enabled = False
    # "View" permission: the list and usage reports, not the key.
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["id", "api_key"]
    index_view_class = PartnerIndexView
    edit_view_class = PartnerEditView
    search_fields = ["name", "contact_name", "contact_email", "website"]
    list_filter = ["active"]
    list_display = [
        "name",
        "contact_name",
        BooleanColumn("active", label=gettext_lazy("Active"), sort_key="active"),
        NumberColumn(
            "recent_requests",
            label=gettext_lazy("Requests (30 days)"),
            sort_key="recent_requests",
        ),
        DayColumn("last_used", label=gettext_lazy("Last used"), sort_key="last_used"),
    ]
    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("website")],
            heading=gettext_lazy("Contact"),
        ),
        MultiFieldPanel(
            [
                ApiKeyPanel(heading=gettext_lazy("API key")),
                FieldPanel("active"),
                FieldPanel("allowed_origins"),
                FieldPanel("rate_limit"),
            ],
            heading=gettext_lazy("Access"),
        ),
        FieldPanel("notes"),
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(report_url_name=self.get_url_name("report"), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            new_key_url_name=self.get_url_name("new_key"),
            report_url_name=self.get_url_name("report"),
            **kwargs,
        )

    def get_object_view_kwargs(self, **kwargs):
        return {
            "index_url_name": self.get_url_name("index"),
            "edit_url_name": self.get_url_name("edit"),
            **kwargs,
        }

    @property
    def new_key_view(self):
        return NewKeyView.as_view(**self.get_object_view_kwargs())

    @property
    def report_view(self):
        return UsageReportView.as_view(
            **self.get_object_view_kwargs(report_url_name=self.get_url_name("report"))
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("new-key/<int:pk>/", self.new_key_view, name="new_key"),
            path("report/<int:pk>/", self.report_view, name="report"),
        ]
