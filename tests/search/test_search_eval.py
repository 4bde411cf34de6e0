"""The search evaluation (bench/search_eval) measures what it claims to measure."""

import pytest
from django.test import override_settings

from bench.search_eval.queries import CASES, Case
from bench.search_eval.run import evaluate, load_demo, missing_pages, rank_of, table
from pages.models import EventPage
from search.backends.database import DatabaseBackend


def test_the_set_has_at_least_a_hundred_queries_in_three_languages():
    assert len(CASES) >= 100
    assert {case.language for case in CASES} == {"de", "en", "pl"}
    assert any(not case.expected for case in CASES), "nonsense must find nothing"


def test_rank_is_the_position_of_the_first_expected_page():
    case = Case("Roland", "de", ("reitender-roland",), "name")
    assert rank_of(case, ["rathaus", "reitender-roland"], total=2) == 2
    assert rank_of(case, ["rathaus"], total=1) is None
    nonsense = Case("xqzvy", "de", (), "nonsense")
    assert rank_of(nonsense, [], total=0) == 1
    assert rank_of(nonsense, ["rathaus"], total=1) is None


@pytest.mark.django_db
@override_settings(ELASTICSEARCH_URL="")
def test_every_expected_page_is_in_the_demo_and_the_runner_scores_it():
    load_demo()
    assert missing_pages(CASES) == []
    # The calendar moves by whole years: every event is ahead, in its own month.
    from django.utils import timezone

    assert not EventPage.objects.filter(start__lt=timezone.now()).exists()
    assert EventPage.objects.filter(slug_de="osterspaziergang-2027", start__month=3).exists()
    names = [case for case in CASES if case.kind == "name"][:5]
    score = evaluate(DatabaseBackend(), names + [Case("xqzvy", "de", (), "nonsense")])
    assert score.cases == 6
    assert score.hit3 == 6, score.misses
    assert score.mrr == pytest.approx(1.0)
    assert "| database | 6/6 (100%)" in table([score], "")
