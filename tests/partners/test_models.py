"""Partners: origins as written by people, keys, limits, and the factories."""

import pytest
from django.core.exceptions import ValidationError

from partners.models import Partner, PartnerUsage
from partners.origins import normalise_origin
from tests.factories.partners import PartnerFactory, PartnerUsageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("written", "origin"),
    [
        ("https://hotel-example.de", "https://hotel-example.de"),
        ("https://hotel-example.de/", "https://hotel-example.de"),
        ("hotel-example.de", "https://hotel-example.de"),
        ("HTTPS://Hotel-Example.DE", "https://hotel-example.de"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("  https://hotel-example.de  ", "https://hotel-example.de"),
        ("https://hotel-example.de/page", None),
        ("https://hotel-example.de/?x=1", None),
        ("https://user@hotel-example.de", None),
        ("ftp://hotel-example.de", None),
        ("https://*.hotel-example.de", None),
        ("https://hotel-example.de:99999", None),
        ("https://", None),
    ],
)
def test_origins_are_made_exact(written, origin):
    assert normalise_origin(written) == origin


def test_clean_normalises_one_origin_per_line():
    partner = Partner(name="Hotel", allowed_origins="hotel.de, https://www.hotel.de/\n\n")
    partner.full_clean()
    assert partner.allowed_origins == "https://hotel.de\nhttps://www.hotel.de"
    assert partner.origins() == ["https://hotel.de", "https://www.hotel.de"]


def test_clean_names_the_line_that_is_not_an_origin():
    partner = Partner(name="Hotel", allowed_origins="https://hotel.de\nhttps://hotel.de/widget")
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    (message,) = error.value.message_dict["allowed_origins"]
    assert "https://hotel.de/widget" in message


def test_no_origins_means_anywhere():
    partner = PartnerFactory(allowed_origins="")
    assert partner.origins() == []
    assert partner.allows_origin("https://anyone.example")


def test_allowed_origins_are_compared_exactly():
    partner = PartnerFactory(allowed_origins="https://hotel.de")
    assert partner.allows_origin("https://hotel.de")
    assert not partner.allows_origin("http://hotel.de")
    assert not partner.allows_origin("https://hotel.de.evil.example")
    assert not partner.allows_origin("null")
    assert not partner.allows_origin("")


def test_every_partner_gets_its_own_random_key():
    first, second = PartnerFactory(), PartnerFactory()
    assert first.api_key != second.api_key
    assert len(first.api_key) == 32


def test_only_an_active_partner_is_found_by_its_key():
    partner = PartnerFactory()
    assert Partner.objects.active_for_key(partner.api_key) == partner
    assert Partner.objects.active_for_key(partner.api_key.upper()) is None
    assert Partner.objects.active_for_key("") is None
    assert Partner.objects.active_for_key(None) is None
    assert Partner.objects.active_for_key("x" * 201) is None
    partner.active = False
    partner.save()
    assert Partner.objects.active_for_key(partner.api_key) is None


def test_a_new_key_replaces_the_old_one():
    partner = PartnerFactory()
    old_key = partner.api_key
    partner.issue_new_key()
    partner.refresh_from_db()
    assert partner.api_key != old_key
    assert Partner.objects.active_for_key(old_key) is None


def test_the_rate_limit_falls_back_to_the_standard_for_keys(settings):
    settings.API_RATE_LIMIT_PER_KEY = 600
    assert PartnerFactory().requests_per_window == 600
    assert PartnerFactory(rate_limit=2000).requests_per_window == 2000


def test_the_factories_make_valid_objects():
    partner = PartnerFactory()
    partner.full_clean()
    usage = PartnerUsageFactory(partner=partner)
    usage.full_clean()
    assert usage.channel == PartnerUsage.API and usage.requests == 1


def test_deleting_a_partner_deletes_its_counts():
    usage = PartnerUsageFactory()
    usage.partner.delete()
    assert not PartnerUsage.objects.exists()
