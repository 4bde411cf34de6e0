"""Widget pages for partners' iframes, the loader script, and the configurator.

Widget pages are rendered without the request's context processors: nothing in them
may touch the session or the user, so they set no cookie and do not vary by cookie.
"""

from functools import wraps

from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from partners import usage
from partners.models import Partner
from widgets import content
from widgets.colours import DEFAULT_ACCENT, Palette
from widgets.configurator import ConfiguratorForm, configurator_url, result
from widgets.http import ANYWHERE, loader_headers, widget_headers
from widgets.loader import loader_bytes
from widgets.options import OptionError, language_for_messages, parse

TEMPLATES = {
    "pois": "widgets/list.html",
    "events": "widgets/list.html",
    "poi": "widgets/poi.html",
    "route": "widgets/route.html",
}


def anonymous(view):
    """Widgets are the same for everyone: forget the visitor's login before anyone asks.

    Reading `request.user` loads the session and so adds `Vary: Cookie`, which would
    split shared caches by cookie; middleware that asks later now gets an anonymous user.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.user = AnonymousUser()
        return view(request, *args, **kwargs)

    return wrapper


@require_safe
@anonymous
@gzip_page
def widget(request, kind):
    visitor_language = translation.get_language() or settings.LANGUAGE_CODE
    message_language = language_for_messages(request.GET, visitor_language)
    with translation.override(message_language):
        partner, ancestors, key_problems = _framing(request.GET)
        try:
            options = parse(kind, request.GET)
        except OptionError as error:
            return _problem(
                request, error.problems + key_problems, error.status, message_language, ancestors
            )
        if key_problems:
            return _problem(request, key_problems, 400, message_language, ancestors)
    palette = Palette.for_accent(options.accent)
    try:
        with translation.override(options.lang):
            context = content.build(options, request)
            context.update(
                _page_context(options.kind, palette, options.theme, options.target, options.layout)
            )
            html = render_to_string(TEMPLATES[options.kind], context)
    except OptionError as error:
        return _problem(request, error.problems, error.status, options.lang, ancestors)
    if partner is not None:
        # Aggregate per day, nothing about the visitor (partners/usage.py).
        usage.record_request(partner, "widget")
    return widget_headers(request, HttpResponse(html), ancestors, palette.css(), options.lang)


def _framing(query):
    """The key's partner, who may frame the answer, and the problem with the key if any.

    Decided before the other options, so that even the explanation of a bad option
    appears only on the sites of the partner whose key the snippet carries.
    """
    key = query.get("key")
    if not key:
        return None, ANYWHERE, []
    partner = Partner.objects.active_for_key(key)
    if partner is None:
        return (
            None,
            ANYWHERE,
            [_("This partner key is unknown or switched off; please ask the town.")],
        )
    origins = partner.origins()
    # Our own pages (the configurator's preview) may always show the partner's widget.
    return partner, (["'self'", *origins] if origins else ANYWHERE), []


@require_safe
@anonymous
@gzip_page
def not_found(request, *args, **kwargs):
    language = language_for_messages(request.GET, translation.get_language())
    with translation.override(language):
        problems = [_("There is no widget at this address.")]
    return _problem(request, problems, 404, language, ANYWHERE)


def _problem(request, problems, status, language, ancestors):
    """The small widget that tells the partner what to fix, instead of a broken frame."""
    palette = Palette.for_accent(DEFAULT_ACCENT)
    with translation.override(language):
        context = _page_context("error", palette, "light", "new") | {
            "title": _("This widget cannot be shown"),
            "problems": problems,
            "configurator_url": request.build_absolute_uri(configurator_url(language)),
        }
        html = render_to_string("widgets/error.html", context)
    response = HttpResponse(html, status=status)
    return widget_headers(request, response, ancestors, palette.css(), language)


def _page_context(kind, palette, theme, target, layout="list"):
    """What every widget page needs; call inside the widget's language."""
    if target == "new":
        link_attrs = mark_safe(' target="_blank" rel="noopener"')
        new_tab_hint = format_html(
            '<span class="visually-hidden"> {}</span>', _("(opens in a new tab)")
        )
    else:
        # Out of the partner's frame onto our page: the visit counts for the town.
        link_attrs, new_tab_hint = mark_safe(' target="_top"'), ""
    return {
        "kind": kind,
        "theme": theme,
        # The browser's own controls follow the theme; "auto" lets them follow the system.
        "color_scheme": "light dark" if theme == "auto" else theme,
        "layout": layout,
        "inline_css": mark_safe(palette.css()),  # built from checked #rrggbb values only
        "link_attrs": link_attrs,
        "new_tab_hint": new_tab_hint,
        "LANGUAGE_CODE": translation.get_language(),
    }


@require_safe
@anonymous
@gzip_page
def loader(request):
    response = HttpResponse(loader_bytes(), content_type="text/javascript; charset=utf-8")
    return loader_headers(response)


@require_safe
def index(request):
    return HttpResponseRedirect(configurator_url(translation.get_language()))


@require_safe
def configurator(request):
    """The public configurator at /de/partner/widgets/, /en/partners/widgets/ …"""
    form = ConfiguratorForm(request.GET)
    return render(request, "widgets/configurator.html", _configurator_context(request, form))


def _configurator_context(request, form):
    return {
        "form": form,
        "result": result(form, request),
        "form_action": request.path,
        "configurator_js": static("widgets/configurator.js"),
    }


class AdminConfiguratorView(WagtailAdminTemplateMixin, TemplateView):
    """The same configurator for editors, inside the admin."""

    template_name = "widgets/admin/configurator.html"
    header_icon = "code"

    def get_page_title(self):
        return _("Widgets for partners")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        form = ConfiguratorForm(self.request.GET)
        # Editors pick the partner; the key goes into the snippet.
        form.fields["key"] = forms.ChoiceField(
            label=_("Partner"),
            required=False,
            choices=[("", _("No partner: embeddable anywhere, without a key"))]
            + [(partner.api_key, partner.name) for partner in Partner.objects.filter(active=True)],
        )
        context = super().get_context_data(**kwargs)
        context.update(_configurator_context(self.request, form))
        context["public_url"] = self.request.build_absolute_uri(configurator_url())
        return context
