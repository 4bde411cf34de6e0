"""Usage counts: one row per partner, day and channel, raised atomically, nothing else kept."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import DatabaseError, connection
from django.db.models import QuerySet
from django.utils import timezone

from partners import usage
from partners.models import Partner, PartnerUsage
from tests.factories.partners import PartnerFactory, PartnerUsageFactory


@pytest.fixture
def partner(db):
    return PartnerFactory()


def counts(partner):
    return {
        (row.day, row.channel): (row.requests, row.limit_reached)
        for row in PartnerUsage.objects.filter(partner=partner)
    }


def test_requests_are_counted_per_day_and_channel(partner):
    today = timezone.localdate()
    for _ in range(3):
        usage.record_request(partner, "api")
    usage.record_request(partner, "widget")
    usage.record_limit_reached(partner, "api")
    assert counts(partner) == {(today, "api"): (3, 1), (today, "widget"): (1, 0)}


def test_a_new_day_starts_a_new_row(partner, monkeypatch):
    tomorrow = timezone.localdate() + timedelta(days=1)
    usage.record_request(partner, "api")
    monkeypatch.setattr(timezone, "localdate", lambda: tomorrow)
    usage.record_request(partner, "api")
    assert counts(partner) == {
        (tomorrow - timedelta(days=1), "api"): (1, 0),
        (tomorrow, "api"): (1, 0),
    }


def test_the_day_is_the_towns_day(partner, settings, monkeypatch):
    # 23:30 UTC on 1 June is already 2 June in Haldensleben.
    moment = datetime(2026, 6, 1, 23, 30, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    usage.record_request(partner, "api")
    assert PartnerUsage.objects.get().day.isoformat() == "2026-06-02"


def test_only_numbers_are_stored(partner):
    usage.record_request(partner, "api")
    fields = {field.name for field in PartnerUsage._meta.get_fields()}
    assert fields == {"id", "partner", "day", "channel", "requests", "limit_reached"}


def test_an_unknown_channel_is_a_programming_error(partner):
    with pytest.raises(ValueError, match="Unknown channel"):
        usage.record_request(partner, "rss")


def test_a_row_created_meanwhile_by_another_request_is_raised_not_duplicated(partner, monkeypatch):
    """Our UPDATE finds nothing, another request INSERTs, then our INSERT must yield."""
    real_update = QuerySet.update
    raced = []

    def update_before_the_other_insert(self, **kwargs):
        if self.model is PartnerUsage and not raced:
            raced.append(True)
            PartnerUsage.objects.create(
                partner=partner, day=timezone.localdate(), channel="api", requests=1
            )
            return 0
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update_before_the_other_insert)
    usage.record_request(partner, "api")
    assert counts(partner) == {(timezone.localdate(), "api"): (2, 0)}


def test_a_database_error_is_logged_not_raised(partner, monkeypatch, caplog):
    def broken_update(self, **kwargs):
        raise DatabaseError("database is locked")

    monkeypatch.setattr(QuerySet, "update", broken_update)
    usage.record_request(partner, "api")
    assert "Could not count a request" in caplog.text
    # The surrounding transaction is still usable.
    assert Partner.objects.filter(pk=partner.pk).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's shared in-memory test database locks tables instead of waiting",
)
def test_concurrent_requests_lose_no_count():
    partner = PartnerFactory()
    threads, per_thread = 8, 25
    start = threading.Barrier(threads)

    def requests():
        try:
            start.wait()
            for _ in range(per_thread):
                usage.record_request(partner, "api")
        finally:
            connection.close()

    workers = [threading.Thread(target=requests) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert counts(partner) == {(timezone.localdate(), "api"): (threads * per_thread, 0)}


def test_the_list_annotation_sums_the_last_30_days(partner, db):
    today = timezone.localdate()
    PartnerUsageFactory(partner=partner, day=today, requests=5)
    PartnerUsageFactory(partner=partner, day=today, channel="widget", requests=6)
    PartnerUsageFactory(partner=partner, day=today - timedelta(days=29), requests=7)
    PartnerUsageFactory(partner=partner, day=today - timedelta(days=30), requests=1000)
    idle = PartnerFactory()
    annotated = {p.pk: p for p in usage.with_recent_usage(Partner.objects.all())}
    assert annotated[partner.pk].recent_requests == 18
    assert annotated[partner.pk].last_used == today
    assert annotated[idle.pk].recent_requests == 0 and annotated[idle.pk].last_used is None


def test_daily_usage_has_every_day_of_the_period_oldest_first(partner, db):
    today = timezone.localdate()
    PartnerUsageFactory(partner=partner, day=today - timedelta(days=2), requests=4)
    PartnerUsageFactory(
        partner=partner, day=today - timedelta(days=2), channel="widget", requests=1
    )
    rows = usage.daily_usage(partner, 7)
    assert [row["day"] for row in rows] == [today - timedelta(days=n) for n in range(6, -1, -1)]
    assert rows[4] == {
        "day": today - timedelta(days=2),
        "api": 4,
        "widget": 1,
        "total": 5,
        "limit_reached": 0,
    }
    assert usage.totals(rows) == {
        "api": 4,
        "widget": 1,
        "total": 5,
        "limit_reached": 0,
        "active_days": 1,
    }
