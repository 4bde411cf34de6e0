"""Build or check the search indices: Elasticsearch's, or the database backend's."""

import json

from django.core.management.base import BaseCommand, CommandError

from search import database_index, indexing, outbox
from search.api import elasticsearch_enabled


class Command(BaseCommand):
    help = (
        "Rebuild the search indices with zero downtime (--rebuild) or report drift between "
        "the pages and the indices (--check, with --repair to fix it page by page), or send "
        "the index updates Elasticsearch missed during an outage (--retry). Works on "
        "Elasticsearch when ELASTICSEARCH_URL is set, otherwise (or with --database) on the "
        "database backend's text index."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument(
            "--rebuild",
            action="store_true",
            help="Fill a fresh timestamped index per language, switch the alias, delete old ones.",
        )
        action.add_argument(
            "--check", action="store_true", help="Report missing, extra and outdated documents."
        )
        action.add_argument(
            "--retry",
            action="store_true",
            help="Send the index updates that Elasticsearch missed (run every few minutes).",
        )
        parser.add_argument(
            "--repair",
            action="store_true",
            help="With --check: index missing and outdated pages, remove extra documents.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="With --rebuild: only count the documents."
        )
        parser.add_argument("--language", action="append", help="Only this language (repeatable).")
        parser.add_argument(
            "--database",
            action="store_true",
            help="Work on the database backend's text index, also when Elasticsearch is set.",
        )

    def handle(
        self,
        *args,
        rebuild=False,
        check=False,
        retry=False,
        repair=False,
        dry_run=False,
        language=None,
        database=False,
        **options,
    ):
        if retry:
            self._retry()
            return
        if database or not elasticsearch_enabled():
            self._database(rebuild=rebuild, dry_run=dry_run)
            return
        from elasticsearch import ApiError, TransportError

        try:
            if rebuild:
                summary = indexing.rebuild(stdout=self.stdout, dry_run=dry_run, languages=language)
                total = sum(summary.values())
                verb = "Would index" if dry_run else "Indexed"
                self.stdout.write(self.style.SUCCESS(f"{verb} {total} documents."))
                return
            report = indexing.check()
            repaired = indexing.repair(report) if repair else 0
        except (ApiError, TransportError) as error:
            raise CommandError(f"Elasticsearch did not answer as expected: {error}") from error
        drift = False
        for code, numbers in report.items():
            problems = {key: numbers[key] for key in ("missing", "extra", "outdated")}
            drift |= any(problems.values())
            self.stdout.write(
                f"{code}: {numbers['expected']} expected, {numbers['indexed']} indexed; "
                + json.dumps(problems)
            )
        pending = outbox.pending_count()
        if pending:
            self.stdout.write(f"{pending} index update(s) wait in the outbox (--retry sends them).")
        if drift and repair:
            done = f"Repaired: {repaired} page(s) written or removed."
            self.stdout.write(self.style.SUCCESS(done))
        elif drift:
            self.stdout.write(
                self.style.WARNING(
                    "Drift found: run `manage.py search_index --check --repair` (or --rebuild)."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS("The indices match the pages."))

    def _retry(self):
        if not elasticsearch_enabled():
            self.stdout.write("Elasticsearch is not configured: nothing to send.")
            return
        sent, left = outbox.retry()
        message = f"Sent {sent} index update(s); {left} still pending."
        if left:
            raise CommandError(message + " Elasticsearch did not take them; try again later.")
        self.stdout.write(self.style.SUCCESS(message))

    def _database(self, rebuild, dry_run):
        """The text index in the database (kept by the database itself; this repairs it)."""

        if rebuild:
            if dry_run:
                for model in database_index.indexed_fields():
                    self.stdout.write(f"would rebuild the text index of {model._meta.db_table}")
                return
            for change in database_index.ensure(force=True):
                self.stdout.write(change)
            self.stdout.write(self.style.SUCCESS("Rebuilt the database text index."))
            return
        report = database_index.check()
        if not report:
            self.stdout.write("This database has no text index: the search scans the tables.")
            return
        drift = False
        for name, numbers in report.items():
            drift |= any(numbers.values())
            self.stdout.write(f"{name}: " + json.dumps(numbers))
        if drift:
            self.stdout.write(
                self.style.WARNING(
                    "Drift found: run `manage.py search_index --rebuild --database`."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS("The database text index matches the pages."))
