"""The admin speaks German to a German editor: every view an editor uses, translations tab
included, without English left over from Wagtail, its add-ons or our own code."""

import gettext
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django
import django_filters
import modeltranslation
import pytest
import taggit
import wagtail
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.blocks.base import BlockField
from wagtail.documents import get_document_model
from wagtail.models import Page, Workflow
from wagtail.users.models import UserProfile

from search.models import PromotedResult, SynonymGroup
from tests.factories.media import make_image
from tests.factories.pages import (
    EventCategoryFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tests.factories.partners import PartnerFactory
from tests.factories.tourism import (
    NoticeFactory,
    PointOfInterestCategoryFactory,
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
    RouteIndexPageFactory,
    RoutePageFactory,
)
from tourism.models import MapFeature

# English that German editors met in the admin (issue 13), found by hand or by the crawl
# below; some are not msgids anywhere (hard-coded in templates and scripts).
KNOWN_ENGLISH = (
    "View / edit fields for",
    "Moderators approval",
    "This slug is already in use",
    "Copy content from",
    'aria-label="Actions"',
    'value="Search"',
    "Erkunden: Root",
    "Expecting value",
)

# Names and words that are the same in German (or deliberately not translated).
ALLOWED = {
    "Wagtail",
    "GPX",
    "GeoJSON",
    "OK",
    "API",
    "Widgets",
    "Ctrl",
    # Languages in the account settings are named in their own language.
    "English",
    "Mongolian",
    # A hidden counter in Wagtail's side panel toggle renders Python's None.
    "None",
}

# Attributes whose values a person sees (tooltips, placeholders) or hears (screen readers).
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "aria-description")


class VisibleText(HTMLParser):
    """Text nodes and the attribute values a person sees or hears, without scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []
        self.texts = []

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)
        attrs = dict(attrs)
        for name in ATTRIBUTES:
            if attrs.get(name):
                self.texts.append(attrs[name])
        if tag in ("input", "button") and attrs.get("type") in ("submit", "button"):
            self.texts.append(attrs.get("value") or "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.open.pop()

    def handle_endtag(self, tag):
        while self.open and self.open.pop() != tag:
            pass

    def handle_data(self, data):
        if {"script", "style", "svg", "textarea", "template"} & set(self.open):
            return
        if text := " ".join(data.split()):
            self.texts.append(text)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return parser.texts


@cache
def catalogues(language="de"):
    """({English msgid: translation}, {every translation}) of the installed packages and ours:
    Wagtail's, Django's, django-modeltranslation's, taggit's, django-filter's."""
    english, german = {}, set()
    packages = (wagtail, django, modeltranslation, taggit, django_filters)
    roots = [Path(package.__file__).parent for package in packages]
    files = [f for root in roots for f in root.rglob(f"locale/{language}/LC_MESSAGES/*.mo")]
    files += list(Path(settings.LOCALE_PATHS[0]).glob(f"{language}/LC_MESSAGES/*.mo"))
    for path in files:
        with path.open("rb") as file:
            catalogue = gettext.GNUTranslations(file)._catalog
        for msgid, msgstr in catalogue.items():
            msgid = msgid[0] if isinstance(msgid, tuple) else msgid
            msgid = msgid.split("\x04")[-1]  # without a context
            german.add(msgstr.strip().lower())
            if msgid and msgstr and msgid != msgstr:
                english.setdefault(msgid.strip().lower(), msgstr)
    return english, german


def english_left(html, language="de"):
    """Known English, and text that is an English msgid with a different translation (an
    untranslated or too early translated string) and is not a translation itself."""
    english, german = catalogues(language)
    found = [snippet for snippet in KNOWN_ENGLISH if snippet in html]
    for text in visible_text(html):
        key = text.strip().rstrip(":*").strip().lower()
        if text in ALLOWED or not re.search("[a-z]{2}", key):
            continue
        if key in english and key not in german:
            found.append(text)
    return sorted(set(found))


@pytest.fixture
def content(home_page):
    """One page of every type, one of every snippet, an image, a document and a partner."""
    places = PointOfInterestIndexPageFactory(parent=home_page)
    place = PointOfInterestPageFactory(parent=places, title="Roland")
    routes = RouteIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    news = NewsIndexPageFactory(parent=home_page)
    document = get_document_model().objects.create(
        title="Flyer", file=ContentFile(b"%PDF-1.4\n", name="flyer.pdf")
    )
    return {
        "pages": [
            home_page,
            places,
            place,
            routes,
            RoutePageFactory(parent=routes, stops=[place]),
            events,
            EventPageFactory(parent=events),
            news,
            NewsPageFactory(parent=news),
            StandardPageFactory(parent=home_page),
        ],
        "snippets": [
            NoticeFactory(places=[place]),
            MapFeature.objects.create(
                name="Ohre",
                kind="river",
                course=json.dumps(
                    {"type": "LineString", "coordinates": [[11.3, 52.2], [11.4, 52.3]]}
                ),
            ),
            PointOfInterestCategoryFactory(),
            EventCategoryFactory(),
            SynonymGroup.objects.create(words="Rad, Fahrrad"),
            PromotedResult.objects.create(query="Roland", page=place),
        ],
        "image": make_image(),
        "document": document,
        "partner": PartnerFactory(),
    }


def admin_urls(content):
    """The views an editor works with, as the crawl visits them."""
    image, document = content["image"].pk, content["document"].pk
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_pages:search") + "?q=Roland",
        reverse("wagtailadmin_account"),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailimages:edit", args=[image]),
        reverse("wagtailimages:delete", args=[image]),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtaildocs:edit", args=[document]),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("search_terms_report"),
        reverse("outdated_translations_report"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtailredirects:index"),
        reverse("wagtailadmin_collections:index"),
        reverse("partners:index"),
        reverse("partners:add"),
        reverse("partners:edit", args=[content["partner"].pk]),
        reverse("widgets_configurator"),
    ]
    for page in content["pages"]:
        urls += [
            reverse("wagtailadmin_explore", args=[page.pk]),
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtailadmin_pages:history", args=[page.pk]),
            reverse("translations_review", args=[page.pk]),
        ]
        parent = page.get_parent()
        model = page.specific_class._meta
        if parent.depth > 1 and page.specific_class.can_create_at(parent):
            urls.append(
                reverse(
                    "wagtailadmin_pages:add", args=[model.app_label, model.model_name, parent.pk]
                )
            )
    place = content["pages"][2]
    urls += [
        reverse("wagtailadmin_pages:add_subpage", args=[content["pages"][0].pk]),
        reverse("wagtailadmin_pages:delete", args=[place.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[place.pk]),
        reverse("wagtailadmin_pages:move", args=[place.pk]),
        reverse("wagtailadmin_pages:copy", args=[place.pk]),
    ]
    for snippet in content["snippets"]:
        prefix = f"wagtailsnippets_{snippet._meta.app_label}_{snippet._meta.model_name}"
        urls += [
            reverse(f"{prefix}:list"),
            reverse(f"{prefix}:add"),
            reverse(f"{prefix}:edit", args=[snippet.pk]),
            reverse(f"{prefix}:delete", args=[snippet.pk]),
            reverse(f"{prefix}:history", args=[snippet.pk]),
        ]
    return urls


@pytest.mark.django_db
def test_default_workflow_has_a_german_name():
    assert Workflow.objects.filter(name="Freigabe durch die Redaktion").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


@pytest.mark.django_db
def test_the_page_tree_root_has_a_german_title():
    assert Page.get_first_root_node().get_admin_display_title() == "Alle Seiten"


@pytest.fixture
def polish_editor(client, db):
    """A client logged in as an editor whose admin language is Polish."""
    user = get_user_model().objects.create_superuser("redaktorka", "p@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "pl"
    profile.save()
    client.force_login(user)
    return client


def untranslated_in_views(editor, urls, language):
    """{url: [English text]} of the views that still show English."""
    english = {}
    for url in urls:
        response = editor.get(url, follow=True)
        assert response.status_code == 200, url
        if found := english_left(response.content.decode(), language):
            english[url] = found
    return english


@pytest.mark.django_db
def test_every_admin_view_an_editor_uses_is_german(german_editor, content):
    assert untranslated_in_views(german_editor, admin_urls(content), "de") == {}


@pytest.mark.django_db
def test_every_admin_view_an_editor_uses_is_polish_for_a_polish_editor(polish_editor, content):
    # The review of a page's translations shows its English text (the home page's "Home").
    urls = [url for url in admin_urls(content) if "/translations/" not in url]
    english = untranslated_in_views(polish_editor, urls, "pl")
    # Wagtail translates the redirects filter's choices at import time, in the default
    # language: Polish editors see the German "Permanent" there (wagtail/contrib/redirects).
    assert english == {reverse("wagtailredirects:index"): ["Permanent"]}


@pytest.mark.django_db
def test_the_crawl_recognises_english():
    """The detector itself: English msgids are found, German and proper names are not."""
    assert english_left('<p>Edit</p><span title="Delete">x</span>') == ["Delete", "Edit"]
    assert english_left("<p>Bearbeiten</p><p>Status</p><p>Wagtail</p>") == []


def empty_form_data(form):
    """What a browser sends for an untouched add form: no stream blocks, no inline rows."""
    data = {}
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            data[f"{name}-count"] = 0
    for formset in form.formsets.values():
        data[f"{formset.prefix}-TOTAL_FORMS"] = 0
        data[f"{formset.prefix}-INITIAL_FORMS"] = 0
    return data


@pytest.mark.django_db
def test_invalid_forms_answer_in_german(german_editor, content):
    place = content["pages"][2]
    url = reverse(
        "wagtailadmin_pages:add", args=["tourism", "pointofinterestpage", place.get_parent().pk]
    )
    data = empty_form_data(german_editor.get(url).context["form"])
    response = german_editor.post(url, {**data, "title": "", "slug": ""})
    html = response.content.decode()
    assert "Die Seite konnte wegen Prüfungsfehlern nicht erstellt werden." in html
    assert "Dieses Feld muss ausgefüllt werden." in html
    assert english_left(html) == []
    response = german_editor.post(
        reverse("wagtailsnippets_tourism_mapfeature:add"),
        {"name": "Ohre", "kind": "river", "course": "{nope"},
    )
    html = response.content.decode()
    assert "Das ist kein GeoJSON: Fehler in Zeile 1, Spalte 2." in html
    assert english_left(html) == []


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["edit", "add"])
def test_edit_and_add_views_offer_the_german_workflow(german_editor, content, view):
    place = content["pages"][2]
    if view == "edit":
        url = reverse("wagtailadmin_pages:edit", args=[place.pk])
    else:
        url = reverse(
            "wagtailadmin_pages:add",
            args=["tourism", "pointofinterestpage", place.get_parent().pk],
        )
    html = german_editor.get(url).content.decode()
    assert "In Freigabe durch die Redaktion einreichen" in " ".join(visible_text(html))


@pytest.mark.django_db
def test_translations_tab_shows_every_language_open_with_a_hint(german_editor, content):
    place = content["pages"][2]
    html = german_editor.get(reverse("wagtailadmin_pages:edit", args=[place.pk])).content.decode()
    tab = html[html.index('id="tab-ubersetzungen"') :]
    assert "Ein leeres Feld zeigt den deutschen Text" in tab
    for language in ("Englisch", "Polnisch"):
        assert language in tab
    assert 'name="title_en"' in tab and 'name="teaser_pl"' in tab
    # No group starts collapsed: the fields are there without an extra click.
    assert 'aria-expanded="false"' not in tab[: tab.index('name="teaser_pl"')]


@pytest.mark.django_db
def test_a_page_in_moderation_is_german_everywhere(german_editor, content):
    place = content["pages"][2]
    user = german_editor.get(reverse("wagtailadmin_account")).wsgi_request.user
    place.get_workflow().start(place, user)
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[place.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[place.pk]),
        reverse("wagtailadmin_explore", args=[place.get_parent().pk]),
        reverse("wagtailadmin_reports:workflow"),
    ]
    assert untranslated_in_views(german_editor, urls, "de") == {}
    assert "Freigabe durch die Redaktion" in german_editor.get(urls[0]).content.decode()
