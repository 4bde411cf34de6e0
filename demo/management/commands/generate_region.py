from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from cms import page_cache
from demo.region import EVENTS_PER_PLACE, ROUTES_PER_PLACE, RegionGenerator


class DryRun(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Add a region's worth of generated points of interest, routes with stops and events "
        "(German and English) to the site, in bulk, for measuring cost at scale. Run "
        "load_demo first for the full site; without it a bare home and index pages are made."
    )

    def add_arguments(self, parser):
        parser.add_argument("--places", type=int, default=10_000, help="Points of interest.")
        parser.add_argument(
            "--routes", type=int, help=f"Routes (default: {ROUTES_PER_PLACE:g} per place)."
        )
        parser.add_argument(
            "--events", type=int, help=f"Events (default: {EVENTS_PER_PLACE:g} per place)."
        )
        parser.add_argument("--seed", type=int, default=4, help="Same seed, same region.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Generate everything, report, then roll back."
        )

    def handle(self, *args, places, routes, events, seed, dry_run, **options):
        generator = RegionGenerator(
            places, routes, events, seed=seed, log=lambda message: self.stdout.write(message)
        )
        try:
            with transaction.atomic():
                counts = generator.run()
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was saved.")
        else:
            # Bulk inserts send no signals: do what publishing would have done.
            call_command("refresh_opening_periods", stdout=self.stdout)
            page_cache.bump({page_cache.EVERYTHING})
        self.stdout.write(
            f"Added {counts.points_of_interest} points of interest, {counts.routes} routes "
            f"with {counts.stops} stops and {counts.events} events."
        )
