"""Work out when every published place is open over the coming weeks (run daily)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from tourism.models import PointOfInterestPage
from tourism.models.opening_periods import HORIZON_DAYS, refresh_opening_periods

BATCH = 500


class Command(BaseCommand):
    help = (
        "Recompute the opening periods that 'open now' lists use, for every published "
        "point of interest. Run it daily (e.g. from cron at 03:00); places whose periods "
        "run out are still answered correctly, only more slowly."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=HORIZON_DAYS, help="How far ahead.")
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, days, dry_run, **options):
        places = PointOfInterestPage.objects.live().order_by("pk").prefetch_related("special_days")
        total_places = total_periods = 0
        batch = []
        for place in places.iterator(chunk_size=BATCH):
            batch.append(place)
            if len(batch) == BATCH:
                total_periods += self._refresh(batch, days, dry_run)
                total_places += len(batch)
                batch = []
        if batch:
            total_periods += self._refresh(batch, days, dry_run)
            total_places += len(batch)
        prefix = "Dry run: would compute" if dry_run else "Computed"
        self.stdout.write(
            f"{prefix} {total_periods} opening periods for {total_places} places, "
            f"{days} days ahead."
        )

    @staticmethod
    def _refresh(places, days, dry_run):
        if dry_run:
            today = timezone.localdate()
            return sum(len(place.schedule.periods(today, days)) for place in places)
        return refresh_opening_periods(places, days=days)
