"""Score the search backends against the visitor queries of `bench.search_eval.queries`.

    DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python -m bench.search_eval.run
    … -m bench.search_eval.run --emulator 19201        # also Elasticsearch on noida-db
    … -m bench.search_eval.run --elasticsearch URL     # also a real cluster (test only)
    … -m bench.search_eval.run --write-docs            # update the table in docs/search.md
    … -m bench.search_eval.run --misses                # list every query not hit at 3

Creates a throw-away test database, loads the demo (`load_demo`), moves the demo
calendar by whole years so that every event lies ahead and months stay months, then asks
each backend every query and reports hit@1, hit@3 and MRR (reciprocal rank of the first
expected page within the first 10 results; a nonsense query scores 1 when nothing is found).
"""

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = ROOT / "docs" / "search.md"
TABLE_START = "<!-- search-eval:start -->"
TABLE_END = "<!-- search-eval:end -->"


@dataclass
class Score:
    """The scores of one backend over a set of cases."""

    backend: str
    cases: int = 0
    hit1: int = 0
    hit3: int = 0
    reciprocal: float = 0.0
    misses: list = field(default_factory=list)
    by_kind: dict = field(default_factory=dict)

    @property
    def mrr(self):
        return self.reciprocal / self.cases if self.cases else 0.0

    def add(self, case, rank, found):
        """`rank`: 1-based position of the first expected page, or None."""
        self.cases += 1
        self.hit1 += rank == 1
        self.hit3 += rank is not None and rank <= 3
        self.reciprocal += 1 / rank if rank else 0.0
        kind = self.by_kind.setdefault(case.kind, [0, 0])
        kind[0] += 1
        kind[1] += rank is not None and rank <= 3
        if rank is None or rank > 3:
            self.misses.append((case, rank, found))


def slug_of(page):
    return getattr(page, "slug_de", None) or page.slug


def rank_of(case, slugs, total):
    """1-based rank of the first expected page in `slugs`, or None."""
    if not case.expected:
        return 1 if total == 0 else None
    for position, slug in enumerate(slugs, start=1):
        if slug in case.expected:
            return position
    return None


def evaluate(backend, cases, name=None):
    """A `Score` of `backend` (anything with `search(SearchQuery)`) over `cases`."""
    from search.query import SearchQuery

    score = Score(name or backend.name)
    for case in cases:
        query = SearchQuery.from_params({"q": case.text}, case.language)
        results = backend.search(query)
        slugs = [slug_of(hit.object) for hit in results.hits[:10]]
        score.add(case, rank_of(case, slugs, results.total), slugs[:3])
    return score


def missing_pages(cases):
    """Expected slugs that are no live page of the loaded demo."""
    from wagtail.models import Page

    wanted = {slug for case in cases for slug in case.expected}
    live = set(Page.objects.filter(live=True, slug_de__in=wanted).values_list("slug_de", flat=True))
    return sorted(wanted - live)


def load_demo():
    """The demo content, its calendar moved by whole years so that events lie ahead.

    `load_demo` moves it by whole weeks, which would turn the May events into June ones.
    """
    from django.core.management import call_command
    from django.utils import timezone

    from demo.content.events import EVENTS
    from demo.loader import parse_local
    from pages.models import EventPage

    call_command("load_demo", stdout=StringIO())
    now = timezone.now()
    first = min(parse_local(item["start"]) for item in EVENTS)
    years = 0
    while first.replace(year=first.year + years) < now:
        years += 1
    for item in EVENTS:
        event = EventPage.objects.get(slug_de=item["slug"])
        event.start = parse_local(item["start"])
        event.start = event.start.replace(year=event.start.year + years)
        event.end = parse_local(item["end"]) if item.get("end") else None
        if event.end:
            event.end = event.end.replace(year=event.end.year + years)
        event.save(update_fields=["start", "end"])


def table(scores, note):
    lines = [
        "| backend | hit@1 | hit@3 | MRR |",
        "| --- | --- | --- | --- |",
    ]
    for score in scores:
        lines.append(
            f"| {score.backend} | {score.hit1}/{score.cases} ({score.hit1 / score.cases:.0%}) "
            f"| {score.hit3}/{score.cases} ({score.hit3 / score.cases:.0%}) | {score.mrr:.2f} |"
        )
    kinds = sorted({kind for score in scores for kind in score.by_kind})
    lines += ["", "| kind | " + " | ".join(score.backend for score in scores) + " |"]
    lines.append("| --- |" + " --- |" * len(scores))
    for kind in kinds:
        cells = ["{1}/{0}".format(*score.by_kind.get(kind, [0, 0])) for score in scores]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines + ["", note])


def write_docs(text):
    content = DOCS.read_text()
    block = f"{TABLE_START}\n{text}\n{TABLE_END}"
    pattern = re.compile(re.escape(TABLE_START) + ".*?" + re.escape(TABLE_END), re.S)
    if pattern.search(content):
        content = pattern.sub(lambda _match: block, content)
    else:
        content += f"\n## Search quality\n\n{block}\n"
    DOCS.write_text(content)


def elasticsearch_score(url, cases, name):
    from django.test import override_settings

    from search import api, indexing
    from search.backends.elasticsearch import ElasticsearchBackend, get_client

    with override_settings(
        ELASTICSEARCH_URL=url, SEARCH_INDEX_PREFIX="search-eval", SEARCH_TIMEOUT_SECONDS=10
    ):
        api.reset_circuit()
        indexing.rebuild()
        try:
            return evaluate(ElasticsearchBackend(get_client()), cases, name)
        finally:
            client = get_client()
            for index in client.indices.get(index="search-eval-*"):
                client.indices.delete(index=index)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emulator", type=int, metavar="PORT", help="start noida-db here")
    parser.add_argument("--elasticsearch", metavar="URL", help="a test cluster")
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment

    from bench.search_eval.queries import CASES
    from search.backends.database import DatabaseBackend

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    emulator = None
    try:
        load_demo()
        missing = missing_pages(CASES)
        if missing:
            raise SystemExit(f"expected pages missing from the demo: {missing}")
        with override_settings(ELASTICSEARCH_URL=""):
            scores = [evaluate(DatabaseBackend(), CASES, f"database ({connection.vendor})")]
        if args.emulator:
            from tests.search.conftest import Emulator

            emulator = Emulator()
            emulator.port = args.emulator
            emulator.url = f"http://127.0.0.1:{args.emulator}"
            emulator.start()
            scores.append(
                elasticsearch_score(emulator.url, CASES, "Elasticsearch (noida-db emulator)")
            )
        if args.elasticsearch:
            scores.append(elasticsearch_score(args.elasticsearch, CASES, "Elasticsearch"))
    finally:
        if emulator:
            emulator.stop()
        connection.creation.destroy_test_db(old_name, verbosity=0)
    note = (
        f"{len(CASES)} queries of `bench/search_eval/queries.py` over the demo content, "
        "run with `python -m bench.search_eval.run`."
    )
    text = table(scores, note)
    print(text)
    if args.misses:
        for score in scores:
            print(f"\nnot in the first three, {score.backend}:")
            for case, rank, found in score.misses:
                print(f"  {case.kind:15} {case.language} {case.text!r:35} rank {rank} top {found}")
    if args.write_docs:
        write_docs(text)


if __name__ == "__main__":
    main()
