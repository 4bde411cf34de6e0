"""Build or check the Elasticsearch indices (one per language)."""

import json

from django.core.management.base import BaseCommand, CommandError

from search.api import elasticsearch_enabled


class Command(BaseCommand):
    help = (
        "Rebuild the search indices with zero downtime (--rebuild) or report drift between "
        "the pages and the indices (--check). Needs ELASTICSEARCH_URL."
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
        parser.add_argument(
            "--dry-run", action="store_true", help="With --rebuild: only count the documents."
        )
        parser.add_argument("--language", action="append", help="Only this language (repeatable).")

    def handle(self, *args, rebuild=False, check=False, dry_run=False, language=None, **options):
        if not elasticsearch_enabled():
            raise CommandError("ELASTICSEARCH_URL is not set: the database backend needs no index.")
        from elasticsearch import ApiError, TransportError

        from search import indexing

        try:
            if rebuild:
                summary = indexing.rebuild(stdout=self.stdout, dry_run=dry_run, languages=language)
                total = sum(summary.values())
                verb = "Would index" if dry_run else "Indexed"
                self.stdout.write(self.style.SUCCESS(f"{verb} {total} documents."))
                return
            report = indexing.check()
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
        if drift:
            self.stdout.write(
                self.style.WARNING("Drift found: run `manage.py search_index --rebuild`.")
            )
        else:
            self.stdout.write(self.style.SUCCESS("The indices match the pages."))
