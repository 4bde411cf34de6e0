"""Varied visitor searches for the search benchmarks, so that no cache of results answers."""

import random

from bench.search_eval.queries import CASES
from demo.region import PLACES, WORDS_DE, WORDS_EN


def visitor_queries(count):
    """`count` (text, language) of varied visitor searches, in a fixed shuffled order.

    The visitor queries of `bench.search_eval` (names, typos, umlaut spellings, plurals,
    synonyms, months, questions; de/en/pl), then the region's own kind of names: a word
    and a village ("Mühle Wedringen"), a place's full name with its number, a category,
    a typo. Hardly any text comes twice, so no cache of results could answer them.
    """
    rng = random.Random(11)
    queries = [(case.text, case.language) for case in CASES]
    while len(queries) < count:
        word, place = rng.choice(WORDS_DE), rng.choice(PLACES)
        queries += [
            (f"{word} {place}", "de"),
            (f"{word} {place} {rng.randrange(1, 90000)}", "de"),
            (f"{rng.choice(WORDS_EN)} {place}", "en"),
            (place[:-2] + place[-1] + place[-2], "de"),  # the last two letters swapped
        ]
    rng.shuffle(queries)
    return queries[:count]
