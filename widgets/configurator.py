"""The widget configurator: a plain GET form, its preview and the two snippets to copy.

The form only collects choices; `options.parse` and `content.build` judge them, exactly
as they judge a partner's snippet, so the preview and the snippets cannot disagree.
"""

import dataclasses
import math

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy

from cms.translated_urls import translated_url
from cms.visibility import public_pages
from pages.models import EventCategory
from tourism.models import PointOfInterestCategory, PointOfInterestPage, RoutePage
from widgets import content
from widgets.colours import DEFAULT_ACCENT
from widgets.loader import loader_integrity
from widgets.options import (
    COUNT_DEFAULT,
    COUNT_MAX,
    KINDS,
    LANGUAGES,
    RADIUS_DEFAULT_M,
    RADIUS_MAX_M,
    OptionError,
    parse,
)

# The configurator under each language's own words; plain strings, as search/urls.py.
CONFIGURATOR_SLUGS = {"de": "partner/widgets", "en": "partners/widgets", "pl": "partnerzy/widzety"}
# What a partner's iframe may do: run our height script, open our pages in the same tab
# (after a click) or a new one. Nothing else, should our server ever be compromised.
SANDBOX = (
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox "
    "allow-top-navigation-by-user-activation"
)


def configurator_url(language=None):
    """/de/partner/widgets/, /en/partners/widgets/ … (the active language by default)."""
    return translated_url("widget_configurator", language)


class ConfiguratorForm(forms.Form):
    """Choices for one widget; field names differ from option names where kinds share one."""

    kind = forms.ChoiceField(label=gettext_lazy("Kind of widget"), widget=forms.RadioSelect)
    lang = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)
    count = forms.IntegerField(
        label=gettext_lazy("Number of items"), min_value=1, max_value=COUNT_MAX
    )
    layout = forms.ChoiceField(
        label=gettext_lazy("Layout"),
        choices=[("list", gettext_lazy("List")), ("grid", gettext_lazy("Grid"))],
        widget=forms.RadioSelect,
    )
    images = forms.ChoiceField(
        label=gettext_lazy("Pictures"),
        choices=[("yes", gettext_lazy("Show pictures")), ("no", gettext_lazy("No pictures"))],
    )
    theme = forms.ChoiceField(
        label=gettext_lazy("Colours"),
        choices=[
            ("light", gettext_lazy("Light")),
            ("dark", gettext_lazy("Dark")),
            ("auto", gettext_lazy("Like the visitor’s device (light or dark)")),
        ],
        widget=forms.RadioSelect,
    )
    accent = forms.CharField(
        label=gettext_lazy("Accent colour"),
        help_text=gettext_lazy(
            "Any colour: links are shaded until they are readable (WCAG AA) on the background."
        ),
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    target = forms.ChoiceField(
        label=gettext_lazy("Links open"),
        choices=[
            ("top", gettext_lazy("in the same tab, replacing your page")),
            ("new", gettext_lazy("in a new tab")),
        ],
    )
    key = forms.CharField(
        label=gettext_lazy("Widget token (optional)"),
        required=False,
        max_length=200,
        help_text=gettext_lazy(
            "With a widget token from the town, the widget may only be embedded on your "
            "registered sites. Never put your secret API key here."
        ),
    )
    poi_category = forms.MultipleChoiceField(
        label=gettext_lazy("Categories"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: all categories."),
    )
    poi_route = forms.ChoiceField(label=gettext_lazy("Only the stops of a route"), required=False)
    near = forms.CharField(
        label=gettext_lazy("Near a point (latitude,longitude)"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "52.2897,11.4086", "inputmode": "decimal"}),
        help_text=gettext_lazy("E.g. your hotel’s position; the nearest places come first."),
    )
    radius = forms.IntegerField(
        label=gettext_lazy("Radius in metres"),
        required=False,
        min_value=1,
        max_value=RADIUS_MAX_M,
        widget=forms.NumberInput(attrs={"placeholder": str(RADIUS_DEFAULT_M)}),
    )
    poi_ids = forms.MultipleChoiceField(
        label=gettext_lazy("Hand-picked places"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: every place that matches the options above."),
    )
    poi = forms.ChoiceField(label=gettext_lazy("Point of interest"), required=False)
    route = forms.ChoiceField(label=gettext_lazy("Route"), required=False)
    event_category = forms.ChoiceField(label=gettext_lazy("Event category"), required=False)

    def __init__(self, query, *args, **kwargs):
        places = list(public_pages(PointOfInterestPage.objects.all()))
        places.sort(key=lambda place: place.title.casefold())
        routes = sorted(public_pages(RoutePage.objects.all()), key=lambda r: r.title.casefold())
        defaults = {
            "kind": "pois",
            "lang": _current_language(),
            "count": str(COUNT_DEFAULT),
            "layout": "list",
            "images": "yes",
            "theme": "light",
            "accent": DEFAULT_ACCENT,
            "target": "top",
            "poi": str(places[0].pk) if places else "",
            "route": str(routes[0].pk) if routes else "",
        }
        data = QueryDict(mutable=True)
        for name, value in defaults.items():
            if name not in query:
                data[name] = value
        for name in query:
            data.setlist(name, query.getlist(name))
        super().__init__(data, *args, **kwargs)
        self.fields["kind"].choices = [(kind.slug, kind.label) for kind in KINDS.values()]
        self.fields["poi_category"].choices = [
            (category.slug, category.name)
            for category in PointOfInterestCategory.objects.filter(
                pk__in=public_pages(PointOfInterestPage.objects.all()).values("categories")
            )
        ]
        no_choice = [("", "—")]
        self.fields["poi_route"].choices = no_choice + [(str(r.pk), r.title) for r in routes]
        self.fields["route"].choices = [(str(r.pk), r.title) for r in routes]
        place_choices = [(str(place.pk), place.title) for place in places]
        self.fields["poi_ids"].choices = place_choices
        self.fields["poi"].choices = place_choices
        self.fields["event_category"].choices = no_choice + [
            (category.slug, category.name)
            for category in sorted(EventCategory.objects.all(), key=lambda c: c.name.casefold())
        ]

    def chosen_kind(self):
        value = self.data.get("kind", "")
        return value if value in KINDS else "pois"

    def widget_query(self):
        """The widget's query string as a QueryDict, from the choices for the chosen kind."""
        data, kind = self.data, self.chosen_kind()
        query = QueryDict(mutable=True)
        understood = KINDS[kind].options

        def put(option, name=None, default=None):
            value = (data.get(name or option) or "").strip()
            if value and value != default:
                query[option] = value

        put("lang")
        if "count" in understood:
            put("count", default=str(COUNT_DEFAULT))
            put("layout", default="list")
        if "images" in understood:
            put("images", default="yes")
        put("theme", default="light")
        put("accent", default=DEFAULT_ACCENT)
        put("target", default="top")
        put("key")
        if kind == "pois":
            if data.getlist("poi_category"):
                query["category"] = ",".join(data.getlist("poi_category"))
            put("route", "poi_route")
            put("near")
            if query.get("near"):
                put("radius", default=str(RADIUS_DEFAULT_M))
            if data.getlist("poi_ids"):
                query["ids"] = ",".join(data.getlist("poi_ids"))
        elif kind == "poi":
            put("id", "poi")
        elif kind == "route":
            put("id", "route")
        elif kind == "events":
            put("category", "event_category")
        return query

    def fieldsets(self):
        """(legend, kinds or None for all, bound fields): the form's groups, in order."""
        return [
            (legend, kinds, [self[name] for name in names]) for legend, kinds, names in FIELDSETS
        ]


# The form's groups; the script hides those that do not apply to the chosen kind.
FIELDSETS = (
    (
        gettext_lazy("Which places"),
        ("pois",),
        ("poi_category", "poi_route", "near", "radius", "poi_ids"),
    ),
    (gettext_lazy("Which place"), ("poi",), ("poi",)),
    (gettext_lazy("Which route"), ("route",), ("route",)),
    (gettext_lazy("Which events"), ("events",), ("event_category",)),
    (gettext_lazy("List"), ("pois", "events"), ("count", "layout")),
    (
        gettext_lazy("Language and look"),
        None,
        ("lang", "images", "theme", "accent", "target", "key"),
    ),
)


def _current_language():
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in LANGUAGES else settings.LANGUAGE_CODE


def result(form, request):
    """The preview and snippets for the form's choices, or the problems with them."""
    kind = form.chosen_kind()
    query = form.widget_query()
    try:
        options = parse(kind, query)
        with translation.override(options.lang):
            # Only the title is needed here: no pictures, no image renditions.
            title = content.build(dataclasses.replace(options, images=False), request)["title"]
    except OptionError as error:
        return {"problems": error.problems, "preview_url": _widget_path(kind, query)}
    # The options as the widget understood them, in a fixed order, for tidy snippets.
    query = QueryDict(mutable=True)
    for name, value in options.query():
        query[name] = value
    return {
        "problems": [],
        "preview_url": _widget_path(kind, query),
        "iframe_snippet": iframe_snippet(request, kind, query, title, suggested_height(options)),
        "loader_snippet": loader_snippet(request, kind, query),
        "height": suggested_height(options),
    }


def _widget_path(kind, query):
    path = reverse("widgets:widget", kwargs={"kind": kind})
    return path + ("?" + query.urlencode(safe=",") if query else "")


def iframe_snippet(request, kind, query, title, height):
    return format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" style="border:0" '
        'loading="lazy" sandbox="{}"></iframe>',
        request.build_absolute_uri(_widget_path(kind, query)),
        title,
        height,
        SANDBOX,
    )


def loader_snippet(request, kind, query):
    attributes = format_html_join("", ' data-{}="{}"', query.items())
    return format_html(
        '<div data-town-widget="{}"{}></div>\n'
        '<script src="{}" integrity="{}" crossorigin="anonymous" async></script>',
        kind,
        attributes,
        request.build_absolute_uri(reverse("widgets:loader")),
        loader_integrity(),
    )


def suggested_height(options):
    """A starting height in pixels for a plain iframe (the loader measures instead)."""
    if options.kind == "poi":
        return 560 if options.images else 300
    if options.kind == "route":
        return 720
    count = options.item_count
    if options.layout == "grid":
        rows = math.ceil(count / 2)
        return 120 + rows * (360 if options.images else 180)
    return 120 + count * (130 if options.images else 90)
