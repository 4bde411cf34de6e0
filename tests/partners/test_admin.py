"""Partners in the Wagtail admin: list, forms, a new key, the usage report and permissions."""

from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from partners.models import Partner
from tests.factories.partners import PartnerFactory, PartnerUsageFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("partners:index")
ADD = reverse("partners:add")


def edit_url(partner):
    return reverse("partners:edit", args=[partner.pk])


def new_key_url(partner):
    return reverse("partners:new_key", args=[partner.pk])


def report_url(partner):
    return reverse("partners:report", args=[partner.pk])


def user_in_group(name, *codenames):
    """A Wagtail user in the default group `name`, with extra partner permissions."""
    user = get_user_model().objects.create_user(name.lower(), f"{name.lower()}@example.org", "pw")
    group = Group.objects.get(name=name)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="partners", codename__in=codenames)
    )
    user.groups.add(group)
    return user


def logged_in(user, language="en"):
    # The assertions read the English texts; German and Polish come from the catalogues.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def admin_client(db):
    return logged_in(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw"))


@pytest.fixture
def editor_client(db):
    """An editor of pages, without any permission on partners."""
    return logged_in(user_in_group("Editors"))


@pytest.fixture
def viewer_client(db):
    """Someone who may look at partners and their usage, not manage them."""
    return logged_in(user_in_group("Moderators", "view_partner"))


@pytest.fixture
def partner(db):
    return PartnerFactory(name="Hotel am Markt", allowed_origins="https://hotel-am-markt.de")


def form_data(response):
    return querydict_from_html(response.content.decode(), form_id="w-editor-form")


def test_the_list_shows_requests_of_the_last_30_days_and_the_last_use(admin_client, partner):
    today = timezone.localdate()
    PartnerUsageFactory(partner=partner, day=today - timedelta(days=2), requests=40)
    PartnerUsageFactory(
        partner=partner, day=today - timedelta(days=2), channel="widget", requests=2
    )
    PartnerUsageFactory(partner=partner, day=today - timedelta(days=45), requests=1000)
    PartnerFactory(name="Pension Ohre")  # created later: a higher id
    response = admin_client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hotel am Markt" in html and "Pension Ohre" in html
    # By name, although the usage sums make it an aggregating query.
    assert [p.name for p in response.context["object_list"]] == ["Hotel am Markt", "Pension Ohre"]
    rows = {partner.name: partner for partner in response.context["object_list"]}
    assert rows["Hotel am Markt"].recent_requests == 42
    assert rows["Hotel am Markt"].last_used == today - timedelta(days=2)
    assert rows["Pension Ohre"].recent_requests == 0
    assert rows["Pension Ohre"].last_used is None
    # Each row offers the usage report; the key is not on the list.
    assert report_url(partner) in html
    assert partner.api_key not in html


def test_the_list_sorts_by_requests(admin_client):
    busy = PartnerFactory(name="Busy")
    PartnerUsageFactory(partner=busy, requests=500)
    PartnerFactory(name="Quiet")
    response = admin_client.get(INDEX, {"ordering": "-recent_requests"})
    assert [p.name for p in response.context["object_list"]] == ["Busy", "Quiet"]


def test_the_list_can_be_searched_and_filtered(admin_client, partner):
    PartnerFactory(name="Pension Ohre", active=False)
    assert [p.name for p in admin_client.get(INDEX, {"q": "markt"}).context["object_list"]] == [
        "Hotel am Markt"
    ]
    response = admin_client.get(INDEX, {"active": "false"})
    assert [p.name for p in response.context["object_list"]] == ["Pension Ohre"]


def test_creating_a_partner_normalises_origins_and_makes_a_key(admin_client):
    data = form_data(admin_client.get(ADD))
    data.update(
        {
            "name": "Tourist-Info Börde",
            "contact_email": "info@boerde.example",
            "allowed_origins": "boerde.example\nHTTPS://WWW.Boerde.example/",
            "active": "on",
        }
    )
    response = admin_client.post(ADD, data)
    assert response.status_code == 302
    partner = Partner.objects.get(name="Tourist-Info Börde")
    assert partner.origins() == ["https://boerde.example", "https://www.boerde.example"]
    assert len(partner.api_key) >= 32
    assert ModelLogEntry.objects.filter(object_id=str(partner.pk), action="wagtail.create").exists()


def test_a_bad_origin_is_explained_and_nothing_typed_is_lost(admin_client):
    data = form_data(admin_client.get(ADD))
    data.update(
        {
            "name": "Hotel Roland",
            "contact_name": "Max Muster",
            "notes": "Vertrag bis 2027",
            "allowed_origins": "https://hotel-roland.de\nhttps://hotel-roland.de/widgets",
        }
    )
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert not Partner.objects.exists()
    html = response.content.decode()
    assert "is not an origin; write scheme and host" in html
    assert "https://hotel-roland.de/widgets" in html
    form = response.context["form"]
    assert set(form.errors) == {"allowed_origins"}
    assert form["name"].value() == "Hotel Roland"
    assert form["contact_name"].value() == "Max Muster"
    assert form["notes"].value() == "Vertrag bis 2027"


def test_the_add_form_says_when_the_key_is_made(admin_client):
    html = admin_client.get(ADD).content.decode()
    assert "The key is created when you save the partner." in html


def test_the_edit_form_shows_the_key_read_only_and_copyable(admin_client, partner):
    response = admin_client.get(edit_url(partner))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{partner.api_key}"' in html
    assert 'id="partner-api-key"' in html and "readonly" in html
    assert 'data-action="w-clipboard#copy"' in html
    assert new_key_url(partner) in html and report_url(partner) in html
    assert "api_key" not in response.context["form"].fields


def test_editing_keeps_the_key_even_if_one_is_posted(admin_client, partner):
    key = partner.api_key
    data = form_data(admin_client.get(edit_url(partner)))
    data.update({"name": "Hotel am Markt & Spa", "rate_limit": "1200", "api_key": "chosen"})
    response = admin_client.post(edit_url(partner), data)
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.name == "Hotel am Markt & Spa"
    assert partner.rate_limit == 1200
    assert partner.api_key == key


def test_a_rate_limit_must_be_positive(admin_client, partner):
    data = form_data(admin_client.get(edit_url(partner)))
    data["rate_limit"] = "0"
    response = admin_client.post(edit_url(partner), data)
    assert response.status_code == 200
    assert "rate_limit" in response.context["form"].errors


def test_a_new_key_is_issued_only_after_confirmation(admin_client, partner):
    old_key = partner.api_key
    response = admin_client.get(new_key_url(partner))
    assert response.status_code == 200
    assert "The current key stops working at once" in response.content.decode()
    partner.refresh_from_db()
    assert partner.api_key == old_key

    response = admin_client.post(new_key_url(partner))
    assert response.status_code == 302
    assert response["Location"] == edit_url(partner)
    partner.refresh_from_db()
    assert partner.api_key != old_key
    assert Partner.objects.active_for_key(old_key) is None
    assert Partner.objects.active_for_key(partner.api_key) == partner
    log = ModelLogEntry.objects.get(object_id=str(partner.pk), action="partners.new_key")
    assert log.user.username == "admin"
    # The history lists it in words.
    history = admin_client.get(reverse("partners:history", args=[partner.pk]))
    assert "New API key issued" in history.content.decode()


def test_the_usage_report_splits_days_and_channels(admin_client, partner):
    today = timezone.localdate()
    PartnerUsageFactory(partner=partner, day=today, requests=120)
    PartnerUsageFactory(partner=partner, day=today, channel="widget", requests=30)
    PartnerUsageFactory(partner=partner, day=today - timedelta(days=1), requests=7)
    PartnerUsageFactory(
        partner=partner, day=today - timedelta(days=3), requests=600, limit_reached=4
    )
    PartnerUsageFactory(partner=partner, day=today - timedelta(days=40), requests=99)
    PartnerUsageFactory(day=today, requests=5000)  # another partner's

    response = admin_client.get(report_url(partner))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert len(rows) == 30
    assert rows[0]["day"] == today  # newest first
    assert (rows[0]["api"], rows[0]["widget"], rows[0]["total"]) == (120, 30, 150)
    assert rows[1]["total"] == 7 and rows[2]["total"] == 0
    assert rows[3]["limit_reached"] == 4
    assert response.context["totals"] == {
        "api": 727,
        "widget": 30,
        "total": 757,
        "limit_reached": 4,
        "active_days": 3,
    }
    html = response.content.decode()
    assert "<table" in html and 'class="usage-chart"' in html
    assert "no addresses" in html

    longer = admin_client.get(report_url(partner), {"days": "90"})
    assert len(longer.context["rows"]) == 90
    assert longer.context["totals"]["total"] == 856
    # Anything else is the default period, not an error.
    assert len(admin_client.get(report_url(partner), {"days": "100000"}).context["rows"]) == 30


def test_the_report_chart_is_well_formed_svg(admin_client, partner):
    PartnerUsageFactory(partner=partner, requests=3)
    svg = str(admin_client.get(report_url(partner)).context["chart"])
    drawing = ElementTree.fromstring(svg)
    assert drawing.get("role") == "img"


def test_a_partner_without_requests_has_a_plain_report(admin_client, partner):
    html = admin_client.get(report_url(partner)).content.decode()
    assert "No requests with this key in the last 30 days." in html
    assert "usage-chart" not in html


def test_the_admin_menu_shows_partners_to_those_who_may_see_them(admin_client, editor_client):
    assert f'"url": "{INDEX}"' in admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX not in editor_client.get(reverse("wagtailadmin_home")).content.decode()


def assert_refused(response):
    """Wagtail's answer to a missing permission: back to the dashboard, with a message."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_plain_editor_may_not_see_or_manage_partners(editor_client, partner):
    key = partner.api_key
    for url in (INDEX, ADD, edit_url(partner), new_key_url(partner), report_url(partner)):
        assert_refused(editor_client.get(url))
    assert_refused(editor_client.post(new_key_url(partner)))
    assert_refused(editor_client.post(ADD, {"name": "Sneaky"}))
    partner.refresh_from_db()
    assert partner.api_key == key
    assert not Partner.objects.filter(name="Sneaky").exists()


def test_a_viewer_sees_usage_but_not_the_key(viewer_client, partner):
    key = partner.api_key
    PartnerUsageFactory(partner=partner, requests=12)
    index = viewer_client.get(INDEX)
    assert index.status_code == 200 and "Hotel am Markt" in index.content.decode()
    report = viewer_client.get(report_url(partner))
    assert report.status_code == 200
    assert report.context["totals"]["total"] == 12
    inspect = viewer_client.get(reverse("partners:inspect", args=[partner.pk]))
    assert inspect.status_code == 200
    assert "https://hotel-am-markt.de" in inspect.content.decode()
    for response in (index, report, inspect):
        assert partner.api_key not in response.content.decode()
    assert_refused(viewer_client.get(edit_url(partner)))
    assert_refused(viewer_client.post(new_key_url(partner)))
    partner.refresh_from_db()
    assert partner.api_key == key


@pytest.mark.parametrize("language", ["de", "en", "pl"])
def test_every_partner_page_opens_in_every_admin_language(partner, language):
    user = get_user_model().objects.create_superuser(language, f"{language}@example.org", "pw")
    client = logged_in(user, language)
    PartnerUsageFactory(partner=partner, requests=3, limit_reached=1)
    for url in (INDEX, ADD, edit_url(partner), new_key_url(partner), report_url(partner)):
        assert client.get(url).status_code == 200, url
