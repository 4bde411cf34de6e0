"""Deletes days of the search terms report older than --days (default SEARCH_LOG_KEEP_DAYS)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search.models import SearchQueryLog


class Command(BaseCommand):
    help = (
        "Delete search query counts older than --days days, so the search terms report "
        "stays bounded. Run it daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SEARCH_LOG_KEEP_DAYS,
            help="Keep this many days, today included (default %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many rows would go."
        )

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.localdate() - timedelta(days=days - 1)
        old = SearchQueryLog.objects.filter(date__lt=cutoff)
        if dry_run:
            count = old.count()
            self.stdout.write(f"Would delete {count} rows from before {cutoff.isoformat()}.")
            return
        count, _by_model = old.delete()
        self.stdout.write(f"Deleted {count} rows from before {cutoff.isoformat()}.")
