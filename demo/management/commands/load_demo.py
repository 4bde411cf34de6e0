from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loader import DemoLoader

DEMO_ADMIN = ("admin", "haldensleben-demo")


class DryRun(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Load the Haldensleben demo site (points of interest, routes, events, news, "
        "municipal pages). Safe to run again: it updates instead of duplicating."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help="Also create the demo admin login (demo and test settings only).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Build everything, report, then roll back."
        )

    def handle(self, *args, with_admin=False, dry_run=False, **options):
        if with_admin and not getattr(settings, "DEMO_ADMIN_ALLOWED", False):
            raise CommandError("The demo admin login is disabled in these settings (production?).")
        loader = DemoLoader(log=lambda message: self.stdout.write(message))
        try:
            with transaction.atomic():
                loader.run()
                counts = loader.counts()
                if with_admin:
                    self.create_admin()
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was saved.")
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count}")
        if with_admin and not dry_run:
            username, password = DEMO_ADMIN
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo admin: user “{username}”, password “{password}” (demo only)."
                )
            )

    def create_admin(self):
        username, password = DEMO_ADMIN
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": "admin@example.org"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
