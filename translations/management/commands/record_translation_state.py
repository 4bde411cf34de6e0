from django.core.management.base import BaseCommand

from translations import state


class Command(BaseCommand):
    help = (
        "Record the translation state of pages that have none yet, as fresh. A page's first "
        "save does it too; run it after writing pages past Django (raw SQL, bulk inserts)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the pages without a state."
        )

    def handle(self, *args, dry_run=False, **options):
        pages = state.pages_without_state()
        if dry_run:
            self.stdout.write(f"{pages.count()} pages without a translation state")
            return
        count = 0
        for page in pages.specific().iterator():
            state.record(page)
            count += 1
        self.stdout.write(f"Recorded the translation state of {count} pages")
