"""The Elasticsearch documents: one index per language, each with its own analyzers.

The word list and synonyms ship in `search/analysis/` and are sent inline with the index
settings, so any cluster (or the test emulator) works without files on the server.
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from elasticsearch.dsl import (
    Boolean,
    Completion,
    Date,
    Document,
    GeoPoint,
    Index,
    Integer,
    Keyword,
    Text,
    analyzer,
    token_filter,
)

ANALYSIS_DIR = Path(__file__).resolve().parent / "analysis"

# Per-language analysis, one mapping like djangoproject.com's search; others use "standard".
STEMMER_LANGUAGE = {"de": "light_german", "en": "english"}
STOPWORDS = {"de": "_german_", "en": "_english_", "pl": "_none_"}


def read_word_file(name):
    """Lines of a file in search/analysis/, without comments and blank lines."""
    path = ANALYSIS_DIR / name
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def index_prefix():
    return getattr(settings, "SEARCH_INDEX_PREFIX", "stadtcms-pages")


def alias_name(language):
    """The stable name searches use; it points at the newest complete index."""
    return f"{index_prefix()}-{language}"


def synonyms_filter(language):
    return token_filter(
        f"{language}_synonyms",
        type="synonym_graph",
        synonyms=read_word_file(f"synonyms_{language}.txt"),
        lenient=True,
    )


@cache
def analyzers(language):
    """(index analyzer, search analyzer) for the language's text fields."""
    if language == "de":
        common_tail = [
            "german_normalization",
            token_filter("de_stop", type="stop", stopwords=STOPWORDS["de"]),
            token_filter("de_stemmer", type="stemmer", language=STEMMER_LANGUAGE["de"]),
        ]
        decompound = token_filter(
            "de_decompound",
            type="dictionary_decompounder",
            word_list=read_word_file("de_compound_words.txt"),
            min_subword_size=3,
            only_longest_match=False,
        )
        return (
            analyzer(
                "de_text",
                tokenizer="standard",
                filter=["lowercase", decompound, *common_tail],
            ),
            analyzer(
                "de_search",
                tokenizer="standard",
                filter=["lowercase", synonyms_filter("de"), *common_tail],
            ),
        )
    if language == "en":
        stem = token_filter("en_stemmer", type="stemmer", language=STEMMER_LANGUAGE["en"])
        possessive = token_filter("en_possessive", type="stemmer", language="possessive_english")
        stop = token_filter("en_stop", type="stop", stopwords=STOPWORDS["en"])
        return (
            analyzer("en_text", tokenizer="standard", filter=[possessive, "lowercase", stop, stem]),
            analyzer(
                "en_search",
                tokenizer="standard",
                filter=[possessive, "lowercase", synonyms_filter("en"), stop, stem],
            ),
        )
    return (
        analyzer(f"{language}_text", tokenizer="standard", filter=["lowercase", "asciifolding"]),
        analyzer(
            f"{language}_search",
            tokenizer="standard",
            filter=["lowercase", synonyms_filter(language), "asciifolding"],
        ),
    )


# Plain words for "did you mean" (the term suggester offers indexed terms, so not stems).
plain_text = analyzer("plain_text", tokenizer="standard", filter=["lowercase"])
suggest_text = analyzer("suggest_text", tokenizer="standard", filter=["lowercase", "asciifolding"])


@cache
def document_class(language):
    """The `Document` class of one language's index."""
    text, search = analyzers(language)

    def text_field(**kwargs):
        return Text(analyzer=text, search_analyzer=search, **kwargs)

    attributes = {
        "__doc__": f"A live, public page as visitors of language {language!r} read it.",
        "page_id": Integer(),
        "type": Keyword(),
        # The language of this index; documents of the German index also list the
        # languages that have their own translation, so fallbacks do not repeat them.
        "language": Keyword(),
        "translated_to": Keyword(),
        "live": Boolean(),
        "published": Date(),
        "title": text_field(fields={"plain": Text(analyzer=plain_text), "raw": Keyword()}),
        "teaser": text_field(),
        "body": text_field(),
        "category_names": text_field(),
        "categories": Keyword(),
        "kind": Keyword(),
        "tags": text_field(),
        "location": GeoPoint(),
        "start": Date(),
        "end": Date(),
        "url": Keyword(index=False),
        "image_url": Keyword(index=False),
        "suggest": Completion(analyzer=suggest_text, preserve_separators=False),
        "Index": type("Index", (), {"name": alias_name(language)}),
    }
    return type(f"PageDocument_{language}", (Document,), attributes)


def build_index(name, language):
    """An `Index` with this language's settings and mapping (not yet created)."""
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=getattr(settings, "SEARCH_INDEX_REPLICAS", 0),
        max_result_window=10_000,
    )
    index.document(document_class(language))
    return index
