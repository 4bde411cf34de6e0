"""PostgreSQL: the words of the searchable texts, so that a lookup reads only as far as it needs.

The trigram indexes of `search.database_index` answer "which texts hold 'burg'" with a bitmap
of every such row, built in full before the first row is read: at 100 000 places a common
word ("kirche" on every ninth page) costs 5–20 ms per lookup whatever its LIMIT, and a search
runs a dozen lookups. Here each text's words are kept twice:

- `search_word`: every word once, with a trigram index: "burg" → hundisburg, burgen, burg …
  (a small table, so the substring lookup is cheap);
- `search_posting`: (source table, content type, row, word), in a B-tree in that order, so
  that "the first 100 routes whose title holds one of these words" reads about 100 entries.

Triggers on each source table keep both in step with every insert, update, delete and
truncate, whoever writes; `ensure()` (after every `migrate`) creates them, and rebuilds and
refills a table's postings when its words' definition changed (languages added). Words are
what `regexp_split_to_array(lower(text), '[^[:alnum:]]+')` gives; a visitor's term with
other characters ("e-bike") is looked up in the trigram indexes as before. Words that no
text holds any more stay in `search_word` and find nothing.
"""

import logging

from django.db import DatabaseError, connections, transaction
from wagtail.models import Page

WORD_TABLE = "search_word"
POSTING_TABLE = "search_posting"
FUNCTION_PREFIX = "search_postings_"
# Longer tokens (identifiers, encoded data in a body) are no words visitors type.
MAX_WORD_LENGTH = 64
SPLIT = "[^[:alnum:]]+"

logger = logging.getLogger(__name__)

# {(alias, database name): whether the postings exist and are kept}, read once per process.
_ready = {}


def quote(name):
    """An SQL identifier in double quotes."""
    return '"' + name.replace('"', '""') + '"'


def like_escape(text):
    """`text` with LIKE's wildcards and escape character escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def is_word(term):
    """Whether `term` is one word as the postings split texts (letters and digits only)."""
    return 0 < len(term) <= MAX_WORD_LENGTH and all(
        character.isalpha() or character in "0123456789" for character in term
    )


def document(model, fields, row=None):
    """SQL: the lower-cased text of `fields` of a row; of `row` (a trigger's NEW, a table's
    alias) when given. Without `row`, the expression of the table's trigram index."""
    prefix = f"{row}." if row else ""
    parts = [
        f"COALESCE({prefix}{quote(model._meta.get_field(name).column)}::text, '')"
        for name in fields
    ]
    return "LOWER(" + " || ' ' || ".join(parts) + ")"


def _words_sql(document):
    # In order: two pages published at once insert their new words in the same order, so
    # that neither waits for a word the other holds while holding one it waits for.
    return (
        f"SELECT DISTINCT w FROM unnest(regexp_split_to_array({document}, '{SPLIT}')) AS w "
        f"WHERE w <> '' AND length(w) <= {MAX_WORD_LENGTH} ORDER BY w"
    )


def function_name(model):
    return (FUNCTION_PREFIX + model._meta.db_table)[:63]


def _content_type(model, row):
    return f"{row}.content_type_id" if model is Page else "0"


def _function_body(model, fields):
    """The PL/pgSQL body of the table's trigger function (compared to detect a change)."""
    table = model._meta.db_table
    pk = quote(model._meta.pk.column)
    words = _words_sql(document(model, fields, "NEW"))
    content_type = _content_type(model, "NEW")
    return (
        "\nBEGIN\n"
        "  IF TG_OP IN ('UPDATE', 'DELETE') THEN\n"
        f"    DELETE FROM {POSTING_TABLE} WHERE source = '{table}' AND pk = OLD.{pk};\n"
        "  END IF;\n"
        "  IF TG_OP IN ('INSERT', 'UPDATE') THEN\n"
        f"    INSERT INTO {POSTING_TABLE} (source, content_type, pk, word)\n"
        f"      SELECT '{table}', {content_type}, NEW.{pk}, w FROM ({words}) AS found;\n"
        f"    INSERT INTO {WORD_TABLE} (word) {words} ON CONFLICT DO NOTHING;\n"
        "  END IF;\n"
        "  RETURN NULL;\n"
        "END\n"
    )


def _statements(model, fields):
    """CREATE statements of the table's trigger function and triggers."""
    table = quote(model._meta.db_table)
    function = quote(function_name(model))
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    row_trigger = quote((function_name(model) + "_row")[:63])
    truncate_trigger = quote((function_name(model) + "_truncate")[:63])
    return [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $body$"
        f"{_function_body(model, fields)}$body$",
        f"DROP TRIGGER IF EXISTS {row_trigger} ON {table}",
        f"CREATE TRIGGER {row_trigger} AFTER INSERT OR DELETE OR UPDATE OF {columns} "
        f"ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()",
        f"DROP TRIGGER IF EXISTS {truncate_trigger} ON {table}",
        f"CREATE TRIGGER {truncate_trigger} AFTER TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION search_postings_truncated()",
    ]


TABLES = [
    f"CREATE TABLE IF NOT EXISTS {WORD_TABLE} (word text PRIMARY KEY)",
    # Every search looks words up here and new words are rare once the postings are
    # filled: without GIN's pending list, whose linear scan made each lookup 3 ms
    # instead of 0.05 ms until a vacuum merged it (docs/benchmarks.md).
    f"CREATE INDEX IF NOT EXISTS search_word_trigrams ON {WORD_TABLE} "
    "USING gin (word gin_trgm_ops) WITH (fastupdate = off)",
    "ALTER INDEX search_word_trigrams SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('search_word_trigrams'::regclass)",
    f"CREATE TABLE IF NOT EXISTS {POSTING_TABLE} "
    "(source text NOT NULL, content_type integer NOT NULL, pk integer NOT NULL, "
    "word text NOT NULL)",
    # A lookup: the rows of a source (and content type) holding one of some words.
    f"CREATE INDEX IF NOT EXISTS search_posting_lookup ON {POSTING_TABLE} "
    "(source, content_type, word, pk)",
    # Replacing a row's words, and "does this row also hold one of these words".
    f"CREATE INDEX IF NOT EXISTS search_posting_row ON {POSTING_TABLE} (source, pk, word)",
    "CREATE OR REPLACE FUNCTION search_postings_truncated() RETURNS trigger "
    "LANGUAGE plpgsql AS $body$\nBEGIN\n"
    f"  DELETE FROM {POSTING_TABLE} WHERE source = TG_TABLE_NAME;\n"
    "  RETURN NULL;\nEND\n$body$",
]


def _splits_letters(cursor):
    # Under a locale without Unicode classes ("C" with SQL_ASCII) "mühle" would be split
    # into "m" and "hle": then the trigram indexes serve alone.
    cursor.execute("SELECT regexp_split_to_array(lower('Mühle Kościół'), %s)", [SPLIT])
    return cursor.fetchone()[0] == ["mühle", "kościół"]


def _existing_bodies(cursor):
    cursor.execute(
        "SELECT proname, prosrc FROM pg_proc WHERE proname LIKE %s", [FUNCTION_PREFIX + "%"]
    )
    return dict(cursor.fetchall())


def _fill(cursor, model, fields):
    table = model._meta.db_table
    pk = quote(model._meta.pk.column)
    words = _words_sql(document(model, fields, "t"))
    cursor.execute(f"DELETE FROM {POSTING_TABLE} WHERE source = %s", [table])
    cursor.execute(
        f"INSERT INTO {POSTING_TABLE} (source, content_type, pk, word) "
        f"SELECT '{table}', {_content_type(model, 't')}, t.{pk}, found.w "
        f"FROM {quote(table)} AS t CROSS JOIN LATERAL ({words}) AS found"
    )
    cursor.execute(
        f"INSERT INTO {WORD_TABLE} (word) SELECT DISTINCT word FROM {POSTING_TABLE} "
        "WHERE source = %s ON CONFLICT DO NOTHING",
        [table],
    )


def ensure(connection, fields_by_model, expected, force=False):
    """Create or refresh the tables, triggers and postings of `fields_by_model` (the tables
    migrated so far of `expected`, every indexed table's fields). → changes."""
    changes = []
    with connection.cursor() as cursor:
        if not _splits_letters(cursor):
            logger.warning("search: the database's locale splits words at umlauts; no postings")
            _ready[_key(connection)] = False
            return ["no word postings (locale)"]
        for statement in TABLES:
            cursor.execute(statement)
        existing = _existing_bodies(cursor)
        for model, fields in fields_by_model.items():
            name = function_name(model)
            if not force and existing.get(name) == _function_body(model, fields):
                continue
            with transaction.atomic(using=connection.alias):
                for statement in _statements(model, fields):
                    cursor.execute(statement)
                _fill(cursor, model, fields)
            changes.append(f"filled {POSTING_TABLE} of {model._meta.db_table}")
        if changes:
            cursor.execute(f"ANALYZE {POSTING_TABLE}")
            cursor.execute(f"ANALYZE {WORD_TABLE}")
    _ready[_key(connection)] = set(fields_by_model) == set(expected)
    return changes


def _key(connection):
    return (connection.alias, connection.settings_dict["NAME"])


def ready(fields_by_model, using="default"):
    """Whether the postings of every table of `fields_by_model` ({model: [field names]},
    all indexed tables) exist as defined (checked once per process)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return False
    key = _key(connection)
    if key not in _ready:
        try:
            with connection.cursor() as cursor:
                existing = _existing_bodies(cursor)
                cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [POSTING_TABLE])
                tables = cursor.fetchone()[0]
        except DatabaseError:
            return False
        _ready[key] = tables and all(
            existing.get(function_name(model)) == _function_body(model, fields)
            for model, fields in fields_by_model.items()
        )
    return _ready[key]


def forget(using="default"):
    """Read `ready()` afresh (after the postings were dropped or rebuilt elsewhere)."""
    _ready.pop(_key(connections[using]), None)


def check(connection, fields_by_model):
    """{"word postings": {"missing": rows with words but no postings, "extra": postings of
    rows that are gone, "outdated": 0}}."""
    missing = extra = 0
    with connection.cursor() as cursor:
        for model, fields in fields_by_model.items():
            table = model._meta.db_table
            pk = quote(model._meta.pk.column)
            text = document(model, fields, "t")
            cursor.execute(
                f"SELECT count(*) FROM {quote(table)} AS t WHERE "
                f"regexp_replace({text}, %s, '', 'g') <> '' AND NOT EXISTS "
                f"(SELECT 1 FROM {POSTING_TABLE} AS p WHERE p.source = %s AND p.pk = t.{pk})",
                [SPLIT, table],
            )
            missing += cursor.fetchone()[0]
            cursor.execute(
                f"SELECT count(*) FROM {POSTING_TABLE} AS p WHERE p.source = %s AND NOT EXISTS "
                f"(SELECT 1 FROM {quote(table)} AS t WHERE t.{pk} = p.pk)",
                [table],
            )
            extra += cursor.fetchone()[0]
    return {"word postings": {"missing": missing, "outdated": 0, "extra": extra}}


# Words looked up per visitor term at most ("ber" is part of thousands): a lookup reads
# the first rows of these, so more words only add entries that are never read.
MAX_WORDS_PER_TERM = 1000
# Postings counted per group to find the rarest: enough to tell a village from a number.
RARITY_SAMPLE = 200


def known_words(terms, using="default"):
    """{term: [known words containing it]}, in one query."""
    terms = list(dict.fromkeys(term.lower() for term in terms))
    if not terms:
        return {}
    known_sql = " UNION ALL ".join(
        f"(SELECT {position} AS term, word FROM {WORD_TABLE} WHERE word LIKE %s "
        f"LIMIT {MAX_WORDS_PER_TERM})"
        for position in range(len(terms))
    )
    params = [f"%{like_escape(term)}%" for term in terms]
    words = {term: [] for term in terms}
    with connections[using].cursor() as cursor:
        cursor.execute(known_sql, params)
        for position, word in cursor.fetchall():
            words[terms[position]].append(word)
    return words


# The names of the CTEs `known_words_cte()` writes, for `matching_sql(known=KNOWN_CTE)`.
KNOWN_CTE = "known_words"
RAREST_CTE = "rarest_group"


def known_words_cte(terms, all_of=None, content_types=()):
    """(SQL, params) of the CTE `known_words` (term, word): the words holding each term,
    looked up once inside the statement that uses them (no round trip of its own).

    With `all_of` (groups of terms, one per visitor word, more than one), also the CTE
    `rarest_group` (terms): the terms of the group fewest titles of `content_types` hold
    a word of (counted up to `RARITY_SAMPLE`; the first such group of a tie). Titles
    holding a word of every group are found by walking that group's postings and asking
    each row for the others (`matching_sql`): from "schloss" (37 000 titles of a region)
    that reads them all when no title also holds "8280", from "8280" it reads one.
    """
    all_of = [group for group in all_of or [] if group]
    terms = list(dict.fromkeys(term.lower() for term in [*terms, *sum(all_of, [])])) or [""]
    selects = " UNION ALL ".join(
        f"(SELECT %s::text AS term, word FROM {WORD_TABLE} WHERE word LIKE %s "
        f"LIMIT {MAX_WORDS_PER_TERM})"
        for _term in terms
    )
    params = []
    for term in terms:
        params += [term, f"%{like_escape(term)}%"]
    sql = f"{KNOWN_CTE} AS MATERIALIZED ({selects})"
    if len(all_of) > 1:
        # Counted in one pass before any lookup reads it: each group's count is an
        # uncorrelated subquery, read only as far as the sample.
        counts = " UNION ALL ".join(
            f"SELECT {position} AS position, %s::text[] AS terms, (SELECT count(*) FROM "
            f"(SELECT 1 FROM {POSTING_TABLE} WHERE source = %s AND content_type = ANY(%s) "
            f"AND word = ANY(ARRAY(SELECT word FROM {KNOWN_CTE} "
            f"WHERE term = ANY(%s::text[]))) LIMIT {RARITY_SAMPLE}) AS sample) AS rarity"
            for position in range(len(all_of))
        )
        for group in all_of:
            params += [
                _group_terms(group),
                Page._meta.db_table,
                [int(pk) for pk in content_types],
                _group_terms(group),
            ]
        sql += (
            f", {RAREST_CTE} AS MATERIALIZED (SELECT terms FROM ({counts}) AS groups "
            "ORDER BY rarity, position LIMIT 1)"
        )
    return sql, params


def _group_terms(group):
    """The terms of a group as `known_words_cte()` and `matching_sql()` compare them."""
    return sorted({term.lower() for term in group})


def _words_array(group, known):
    """(SQL of an array of the words holding a term of `group`, params); the planner does
    not see the words, so it plans to read the posting index in order and stop (seeing
    them, it builds a bitmap of all their rows: 50 000 for "burg")."""
    if known == KNOWN_CTE:
        return (
            f"ARRAY(SELECT word FROM {KNOWN_CTE} WHERE term = ANY(%s::text[]))",
            [_group_terms(group)],
        )
    return "ARRAY(SELECT unnest(%s::text[]))", [_group_words(group, known)]


def _group_words(group, known):
    words = []
    for term in group:
        words += known.get(term.lower(), [])
    return sorted(set(words))


def matching_sql(model, groups, content_type=None, known=None, using="default"):
    """(SQL, params) of the primary keys of rows of `model` whose text holds a word
    containing a term of each group (one group: any of its terms).

    `known`: `known_words()` of the terms, if the caller has it already, or `KNOWN_CTE`
    when the statement holds `known_words_cte()` of them (with these `groups` as its
    `all_of` when there are several: then the rarest group's postings are walked). Rows
    come in the order of the posting index, so that a LIMIT around this reads only as
    many entries as it needs; a row holding several of the words comes once per word.
    """
    if known is None:
        known = known_words([term for group in groups for term in group], using=using)
    if known != KNOWN_CTE and not all(_group_words(group, known) for group in groups):
        # No known word holds a term: nothing (typed, for the UNION around it).
        return "SELECT CAST(NULL AS integer) AS pk WHERE 1 = 0", []
    rarest_first = known == KNOWN_CTE and len(groups) > 1
    if rarest_first:
        # Which group that is, is known once the statement runs (an InitPlan): the
        # planner sees no words, as below, and plans to read the index in order.
        words = (
            f"ARRAY(SELECT word FROM {KNOWN_CTE} WHERE term = ANY("
            f"(SELECT terms FROM {RAREST_CTE})::text[]))"
        )
        params, others = [], groups
    else:
        words, params = _words_array(groups[0], known)
        others = groups[1:]
    sql = (
        f"SELECT p.pk AS pk FROM {POSTING_TABLE} AS p WHERE p.source = %s "
        f"AND p.content_type = %s AND p.word = ANY({words})"
    )
    params = [model._meta.db_table, int(content_type or 0), *params]
    for number, group in enumerate(others):
        alias = f"q{number}"
        words, group_params = _words_array(group, known)
        # `|| ''`: the row's few words are read by (source, pk) and compared with the
        # list in a hash, not looked up once per word of a long list.
        exists = (
            f"EXISTS (SELECT 1 FROM {POSTING_TABLE} AS {alias} WHERE "
            f"{alias}.source = p.source AND {alias}.pk = p.pk "
            f"AND ({alias}.word || '') = ANY({words}))"
        )
        if rarest_first:
            # The walked group holds for every row: not asked again.
            exists = f"((SELECT terms FROM {RAREST_CTE}) = %s::text[] OR {exists})"
            params.append(_group_terms(group))
        sql += f" AND {exists}"
        params += group_params
    return sql, params
