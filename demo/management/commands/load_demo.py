from io import StringIO
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from cms import page_cache
from demo.loader import DemoLoader

DEMO_ADMIN = ("admin", "haldensleben-demo")


def site_url(value):
    """'http://host:port' → (host, port), for the default Site record."""
    try:
        parts = urlsplit(value)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise ValueError(f"not a URL: {value}") from error
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {value}")
    return parts.hostname, port


class DryRun(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Load the Haldensleben demo site (points of interest, routes, events, news, "
        "municipal pages). Safe to run again: it updates instead of duplicating, and keeps "
        "pages editors changed in the admin unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help="Also create the demo admin login (demo and test settings only).",
        )
        parser.add_argument(
            "--site-url",
            type=site_url,
            help=(
                "Where the demo is served, e.g. http://127.0.0.1:8000: the default site's "
                "host and port, from which canonical, API and widget links are built."
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Build everything, report, then roll back."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also overwrite demo pages that editors changed in the admin since loading.",
        )

    def handle(self, *args, with_admin=False, dry_run=False, site_url=None, force=False, **options):
        if with_admin and not getattr(settings, "DEMO_ADMIN_ALLOWED", False):
            raise CommandError("The demo admin login is disabled in these settings (production?).")
        loader = DemoLoader(log=lambda message: self.stdout.write(message), force=force)
        try:
            with transaction.atomic():
                loader.run()
                counts = loader.counts()
                if with_admin:
                    self.create_admin()
                if site_url:
                    self.set_site_address(*site_url)
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was saved.")
        else:
            # Some demo rows are written without signals (the site's address): start afresh.
            page_cache.bump({page_cache.EVERYTHING})
            # The open-data download of all places, which a deployed site's job keeps.
            call_command("export_places_geojson", stdout=StringIO())
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count}")
        if loader.kept:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(loader.kept)} page(s) edited in the admin were kept as they are; "
                    "run with --force to overwrite them with the demo content."
                )
            )
        if with_admin and not dry_run:
            username, password = DEMO_ADMIN
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo admin: user “{username}”, password “{password}” (demo only)."
                )
            )

    def set_site_address(self, hostname, port):
        # Saved one by one: Wagtail drops its cached site root paths on save, not on update().
        for site in Site.objects.filter(is_default_site=True):
            site.hostname, site.port = hostname, port
            site.save()
        self.stdout.write(f"Default site: {hostname}:{port}")

    def create_admin(self):
        username, password = DEMO_ADMIN
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": "admin@example.org"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
