"""Factories for partners and their usage counts."""

import factory
from django.utils import timezone

from partners.models import Partner, PartnerUsage


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Hotel {n}")
    contact_name = "Erika Muster"
    contact_email = factory.Sequence(lambda n: f"info{n}@hotel.example")
    website = "https://hotel.example"


class PartnerUsageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerUsage

    partner = factory.SubFactory(PartnerFactory)
    day = factory.LazyFunction(timezone.localdate)
    channel = PartnerUsage.API
    requests = 1
