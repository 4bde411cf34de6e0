"""The DatabaseBackend's text index, kept inside the database by the database itself.

SQLite: per source table an FTS5 table with the trigram tokenizer (`search_fts_<table>`)
holds a copy of the searchable columns; triggers on the source table keep it in step with
every insert, update and delete, whoever writes (publishing, factories, bulk inserts, raw
SQL). The trigram tokenizer matches substrings, case-insensitively and umlauts included,
so "burg" still finds "Hundisburg", now from an index instead of a scan of every row.
StreamField columns are indexed as the text of their JSON string values, so escaped
umlauts (`M\\u00fchle`) are found and block types and ids are no words.
The titles' table (`wagtailcore_page`) also holds each page's content type as a word of
its own, so that one type's titles are one lookup (`CONTENT_TYPE_COLUMN`).

PostgreSQL: a pg_trgm GIN index per table on the lower-cased text of its searchable
columns (`postgresql_document()`), which PostgreSQL maintains itself; the titles' index
also holds the page's content type when the btree_gin extension can be created.

`ensure()` creates both idempotently after every `migrate` (post_migrate): the columns
depend on LANGUAGES, so a definition that changed is rebuilt and refilled, and a trigger
lost when a migration rebuilt its table is recreated. Other databases scan with `LIKE`.
"""

import logging
import re
import sqlite3
from contextlib import contextmanager

from django.db import DatabaseError, connections, transaction
from django.db.backends.utils import names_digest
from django.db.models import Q
from django.db.models.expressions import RawSQL
from psycopg.adapt import Transformer
from wagtail.models import Page

from search import content, postings

logger = logging.getLogger(__name__)

# Trigram indexes cannot look up shorter words.
MIN_INDEXED_TERM = 3
FTS_PREFIX = "search_fts_"
TRIGGER_SUFFIXES = ("_insert", "_update", "_delete")
TRIGRAM_PREFIX = "search_trgm_"

# SQLite: the titles' text index (on `wagtailcore_page`) also holds each page's content
# type as a word of its own, "#36#", so that one type's titles are one lookup in the index
# rather than every title holding the word, filtered by type afterwards ("Museum" is in
# 15 000 titles of a 100 000-place region, three of the types have none of them).
CONTENT_TYPE_COLUMN = "search_content_type"

# {(alias, database name): {FTS table that exists: its CREATE statement}}, read once per
# process.
_existing_fts = {}


def indexed_fields():
    """{model: [field names]}: titles of every page, summaries and bodies of each type."""
    codes = content.languages()
    fields = {Page: [f"title_{code}" for code in codes]}
    for type_, model in content.SEARCHABLE_MODELS.items():
        fields[model] = [
            f"{name}_{code}"
            for name in (content.SUMMARY_FIELD[type_], content.BODY_FIELD[type_])
            for code in codes
        ]
    return fields


def _migrated_fields(connection):
    """`indexed_fields()` of the tables that have all their columns already.

    `migrate app 0001` also ends with post_migrate; a table or language column that a
    later migration adds is indexed after that migration.
    """
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        ready = {}
        for model, fields in indexed_fields().items():
            if model._meta.db_table not in tables:
                continue
            columns = {
                column.name
                for column in connection.introspection.get_table_description(
                    cursor, model._meta.db_table
                )
            }
            if all(model._meta.get_field(name).column in columns for name in fields):
                ready[model] = fields
    return ready


def fts_table(model):
    return FTS_PREFIX + model._meta.db_table


_quote = postings.quote


_like_escape = postings.like_escape


def _phrase(term):
    return '"' + term.replace('"', '""') + '"'


def _variants(term, vendor):
    # SQLite's LIKE folds ASCII only: try the spellings visitors and editors use.
    if vendor != "sqlite" or term.isascii():
        return {term}
    return {term, term.capitalize(), term.upper(), term.lower()}


def _fts_tables(connection):
    key = (connection.alias, connection.settings_dict["NAME"])
    if key not in _existing_fts:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE %s",
                [FTS_PREFIX + "%"],
            )
            _existing_fts[key] = dict(cursor.fetchall())
    return _existing_fts[key]


def _fts_ready(connection, model):
    return fts_table(model) in _fts_tables(connection)


def _fts_has_content_types(connection, model):
    """Whether the FTS table of `model` holds the content type (`CONTENT_TYPE_COLUMN`).

    Only the titles' table does, once `ensure()` (after `migrate`) has rebuilt it; a
    process that read the older definition keeps filtering by the type's list of pages.
    """
    definition = _fts_tables(connection).get(fts_table(model)) or ""
    return model is Page and _quote(CONTENT_TYPE_COLUMN) in definition


def matching_sql(
    model, fields, terms, using="default", extra=None, all_of=None, content_type=None, known=None
):
    """(SQL, params) of the primary keys of rows whose `fields` contain one of `terms`.

    Terms are substrings in any case, as with `icontains`. On SQLite a MATCH on the
    trigram index when every term is long enough for it; on PostgreSQL the word postings
    (`search.postings`) when every term is a word, else `icontains` (which PostgreSQL
    answers from the trigram indexes), as on other databases.
    `all_of`: [[term, …], …] instead of `terms`: rows holding a term of every list.
    `content_type` (pages' titles): only pages of this content type id.
    `known`: `postings.known_words()` of the terms, when the caller has looked them up.
    `extra`: (SQL condition on the table's own columns, params), ANDed.
    """
    connection = connections[using]
    groups = [[term for term in group if term] for group in all_of] if all_of else None
    if groups is None:
        groups = [[term for term in terms if term]]
    if not all(groups):
        return "SELECT NULL AS pk WHERE 1 = 0", []
    if (
        connection.vendor == "postgresql"
        and extra is None
        # Titles of every type at once: the trigram index (the postings are per type).
        and (model is not Page or content_type is not None)
        and list(fields) == indexed_fields().get(model)
        and postings.ready(indexed_fields(), using)
    ):
        words = [term for group in groups for term in group if postings.is_word(term)]
        if len(words) == sum(len(group) for group in groups):
            return postings.matching_sql(model, groups, content_type, known, using)
        if words and len(groups) == 1:
            # "Rathaus" or "town hall": the words from the postings, the rest by trigrams.
            others = [term for term in groups[0] if not postings.is_word(term)]
            word_sql, word_params = postings.matching_sql(
                model, [words], content_type, known, using
            )
            other_sql, other_params = matching_sql(
                model, fields, others, using=using, content_type=content_type
            )
            return f"{word_sql} UNION ALL {other_sql}", word_params + other_params
    if content_type is not None:
        extra = (f"content_type_id = {int(content_type)}", [])
    extra_sql, extra_params = extra if extra else ("", [])
    table = _quote(model._meta.db_table)
    pk = _quote(model._meta.pk.column)
    if (
        connection.vendor == "sqlite"
        and all(len(term) >= MIN_INDEXED_TERM for group in groups for term in group)
        and _fts_ready(connection, model)
    ):
        fts = _quote(fts_table(model))
        columns = " ".join(model._meta.get_field(name).column for name in fields)
        expression = " AND ".join(
            "(" + " OR ".join(_phrase(term) for term in group) + ")" for group in groups
        )
        match = f"{{{columns}}} : ({expression})"
        if content_type is not None and _fts_has_content_types(connection, model):
            # One lookup for the words and the type together (see CONTENT_TYPE_COLUMN).
            match += f' AND {CONTENT_TYPE_COLUMN} : "#{int(content_type)}#"'
            extra_sql, extra_params = "", []
        sql = f"SELECT rowid AS pk FROM {fts} WHERE {fts} MATCH %s"
        if extra_sql:
            # `+rowid`: otherwise SQLite hands the list to the text index as one rowid lookup
            # per row (a MATCH per page of the type: 44 s at 100 000 places, not 0.05 s).
            sql += f" AND +rowid IN (SELECT {pk} FROM {table} WHERE {extra_sql})"
        return sql, [match, *extra_params]
    if connection.vendor == "postgresql" and list(fields) == indexed_fields().get(model):
        # The expression of the table's trigram index.
        document = postgresql_document(model, fields)
        conditions, params = [], []
        for group in groups:
            conditions.append(
                "(" + " OR ".join(f"{document} LIKE LOWER(%s)" for _term in group) + ")"
            )
            params += [f"%{_like_escape(term)}%" for term in group]
    else:
        if connection.vendor == "postgresql":
            compare = "LOWER({}::text) LIKE LOWER(%s)"
        else:
            compare = "{} LIKE %s ESCAPE '\\'"
        conditions, params = [], []
        for group in groups:
            alternatives = []
            for term in group:
                for variant in _variants(term, connection.vendor):
                    escaped = _like_escape(variant)
                    for name in fields:
                        column = _quote(model._meta.get_field(name).column)
                        alternatives.append(compare.format(column))
                        params.append(f"%{escaped}%")
            conditions.append("(" + " OR ".join(alternatives) + ")")
    where = " AND ".join(conditions)
    if extra_sql:
        where += f" AND {extra_sql}"
        params += extra_params
    return f"SELECT {pk} AS pk FROM {table} WHERE {where}", params


def contains_any(model, fields, terms, using="default"):
    """A filter for rows of `model` whose `fields` contain one of `terms` (any case)."""
    sql, params = matching_sql(model, fields, terms, using=using)
    return Q(pk__in=RawSQL(sql, params))


# Characters after which a title's word starts ("St.-Marien-Kirche").
WORD_SEPARATORS = " -"


def word_starts_any(model, fields, prefix, using="default"):
    """A filter for rows of `model` in which a word of one of `fields` may start with
    `prefix` (any case); callers check the words themselves.

    Usually the rows containing `prefix`. On PostgreSQL a prefix too short for a trigram
    of its own ("Mü") would read the whole index: there the patterns put it at the start
    of the text or after a separator, which the index answers from the padded trigrams
    of word starts (" mü"), so only the titles with such a word are read.
    """
    connection = connections[using]
    if (
        connection.vendor != "postgresql"
        or len(prefix) >= MIN_INDEXED_TERM
        or list(fields) != indexed_fields().get(model)
    ):
        return contains_any(model, fields, [prefix], using=using)
    document = postgresql_document(model, fields)
    escaped = _like_escape(prefix)
    patterns = [f"{escaped}%"] + [f"%{separator}{escaped}%" for separator in WORD_SEPARATORS]
    sql = " OR ".join(f"{document} LIKE LOWER(%s)" for _pattern in patterns)
    pk = _quote(model._meta.pk.column)
    return Q(
        pk__in=RawSQL(f"SELECT {pk} FROM {_quote(model._meta.db_table)} WHERE {sql}", patterns)
    )


# --- SQLite -------------------------------------------------------------------------
def _sqlite_value(model, name, row):
    """SQL for the indexed text of column `name` of `row` (`new`, `t` …)."""
    field = model._meta.get_field(name)
    column = f"{row}.{_quote(field.column)}"
    if field.get_internal_type() == "JSONField":  # StreamField is no JSONField subclass
        # The text of the JSON string values: Django stores "ü" as "\u00fc", and block
        # types and ids are no words of the page.
        return (
            f"CASE WHEN json_valid({column}) THEN (SELECT group_concat(value, ' ') "
            f"FROM json_tree({column}) WHERE type = 'text' AND key NOT IN ('type', 'id')) "
            f"ELSE {column} END"
        )
    return column


def _sqlite_columns(model, fields, row):
    """[(FTS column, SQL of its value for `row`, source column)] of the FTS table."""
    columns = []
    for name in fields:
        column = model._meta.get_field(name).column
        columns.append((column, _sqlite_value(model, name, row), column))
    if model is Page:
        # The content type as a word of its own (see CONTENT_TYPE_COLUMN).
        source = model._meta.get_field("content_type").column
        columns.append((CONTENT_TYPE_COLUMN, f"'#' || {row}.{_quote(source)} || '#'", source))
    return columns


def _sqlite_definition(model, fields):
    """{name: CREATE statement} of the FTS table and its three triggers."""
    source = _quote(model._meta.db_table)
    table = fts_table(model)
    quoted = _quote(table)
    pk = _quote(model._meta.pk.column)
    columns = _sqlite_columns(model, fields, "new")
    names = ", ".join(_quote(column) for column, _value, _source in columns)
    values = ", ".join(value for _column, value, _source in columns)
    insert = f"INSERT INTO {quoted} (rowid, {names}) VALUES (new.{pk}, {values});"
    delete = f"DELETE FROM {quoted} WHERE rowid = old.{pk};"
    watched = ", ".join([pk] + [_quote(source) for _column, _value, source in columns])
    return {
        table: (f"CREATE VIRTUAL TABLE {quoted} USING fts5({names}, tokenize = 'trigram')"),
        f"{table}_insert": (
            f"CREATE TRIGGER {_quote(table + '_insert')} AFTER INSERT ON {source} "
            f"BEGIN {insert} END"
        ),
        f"{table}_update": (
            f"CREATE TRIGGER {_quote(table + '_update')} AFTER UPDATE OF {watched} ON {source} "
            f"BEGIN {delete} {insert} END"
        ),
        f"{table}_delete": (
            f"CREATE TRIGGER {_quote(table + '_delete')} AFTER DELETE ON {source} "
            f"BEGIN {delete} END"
        ),
    }


def _sqlite_fill(cursor, model, fields):
    table = _quote(fts_table(model))
    columns = _sqlite_columns(model, fields, "t")
    names = ", ".join(_quote(column) for column, _value, _source in columns)
    values = ", ".join(value for _column, value, _source in columns)
    cursor.execute(f"DELETE FROM {table}")
    cursor.execute(
        f"INSERT INTO {table} (rowid, {names}) "
        f"SELECT t.{_quote(model._meta.pk.column)}, {values} "
        f"FROM {_quote(model._meta.db_table)} AS t"
    )


def _sqlite_drop(cursor, table):
    # Triggers belong to the source table: they do not go with the FTS table.
    for suffix in TRIGGER_SUFFIXES:
        cursor.execute(f"DROP TRIGGER IF EXISTS {_quote(table + suffix)}")
    cursor.execute(f"DROP TABLE IF EXISTS {_quote(table)}")


def _sqlite_ensure(connection, force=False):
    if sqlite3.sqlite_version_info < (3, 34):
        logger.warning(
            "search: SQLite %s has no trigram tokenizer; the search scans", sqlite3.sqlite_version
        )
        return [f"SQLite {sqlite3.sqlite_version} < 3.34: no text index"]
    changes = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master "
            "WHERE name LIKE %s AND type IN ('table', 'trigger')",
            [FTS_PREFIX + "%"],
        )
        existing = dict(cursor.fetchall())
        expected_tables = set()
        for model, fields in _migrated_fields(connection).items():
            definition = _sqlite_definition(model, fields)
            table = fts_table(model)
            expected_tables.add(table)
            if force or existing.get(table) != definition[table]:
                _sqlite_drop(cursor, table)
                for sql in definition.values():
                    cursor.execute(sql)
                changes.append(f"rebuilt {table}")
            else:
                lost = [name for name, sql in definition.items() if existing.get(name) != sql]
                if not lost:
                    continue
                for name in lost:
                    cursor.execute(f"DROP TRIGGER IF EXISTS {_quote(name)}")
                    cursor.execute(definition[name])
                changes.append(f"refilled {table}")
            # Whatever happened while a trigger was missing: fill the table afresh.
            _sqlite_fill(cursor, model, fields)
        for name, sql in existing.items():
            # The index of a table that is no longer searched.
            if name not in expected_tables and sql.startswith("CREATE VIRTUAL TABLE"):
                _sqlite_drop(cursor, name)
                changes.append(f"dropped {name}")
    # Read again when next asked: the definitions may have changed.
    _existing_fts.pop((connection.alias, connection.settings_dict["NAME"]), None)
    return changes


def _sqlite_check(connection):
    """{table: {"missing": n, "outdated": n, "extra": n}} between sources and FTS tables."""
    report = {}
    with connection.cursor() as cursor:
        for model, fields in indexed_fields().items():
            table = _quote(fts_table(model))
            source = _quote(model._meta.db_table)
            pk = _quote(model._meta.pk.column)
            differs = " OR ".join(
                f"f.{_quote(column)} IS NOT {value}"
                for column, value, _source in _sqlite_columns(model, fields, "t")
            )
            try:
                cursor.execute(
                    f"SELECT count(*) FROM {source} AS t LEFT JOIN {table} AS f "
                    f"ON f.rowid = t.{pk} WHERE f.rowid IS NULL"
                )
                missing = cursor.fetchone()[0]
                cursor.execute(
                    f"SELECT count(*) FROM {source} AS t JOIN {table} AS f "
                    f"ON f.rowid = t.{pk} WHERE {differs}"
                )
                outdated = cursor.fetchone()[0]
                cursor.execute(
                    f"SELECT count(*) FROM {table} AS f WHERE f.rowid NOT IN "
                    f"(SELECT {pk} FROM {source})"
                )
                extra = cursor.fetchone()[0]
            except DatabaseError:
                report[fts_table(model)] = {"missing": "no index", "outdated": 0, "extra": 0}
                continue
            report[fts_table(model)] = {"missing": missing, "outdated": outdated, "extra": extra}
    return report


# --- PostgreSQL -----------------------------------------------------------------------
def postgresql_document(model, fields):
    """SQL: the lower-cased text of `fields` of a row, as the trigram index holds it.

    One index per table on all its columns: one condition per word instead of one per
    word and column, which the planner costs far better.
    """
    return postings.document(model, fields)


# GIN keeps new entries in a pending list that every lookup reads through until it is
# merged (when full, or by a vacuum): 4 MB by default, several milliseconds per lookup.
# A small list still batches the inserts of a bulk import.
PENDING_LIST_KB = 256


def _trigram_indexes(fields_by_model, by_type=False):
    """{index name: CREATE statement}, one per table; the name changes with the columns.

    `by_type` (the btree_gin extension is there): the titles' index on `wagtailcore_page`
    also holds the content type, so that "titles of routes holding 'museum'" is one index
    lookup rather than every route or every title holding it.
    """
    statements = {}
    for model, fields in fields_by_model.items():
        table = model._meta.db_table
        document = postgresql_document(model, fields)
        columns = f"({document}) gin_trgm_ops"
        key = document
        if by_type and model is Page:
            columns = f"content_type_id, {columns}"
            key = f"content_type_id, {document}"
        name = f"{TRIGRAM_PREFIX}{names_digest(table, key, length=8)}_{table}"[:63]
        statements[name] = (
            f"CREATE INDEX IF NOT EXISTS {_quote(name)} ON {_quote(table)} USING gin ({columns}) "
            f"WITH (gin_pending_list_limit = {PENDING_LIST_KB})"
        )
    return statements


def _bound_pending_list(cursor, name):
    """An index made before the limit gets it, and what is pending is merged now."""
    cursor.execute(f"ALTER INDEX {_quote(name)} SET (gin_pending_list_limit = {PENDING_LIST_KB})")
    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [_quote(name)])


def _postgresql_existing(cursor):
    cursor.execute(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
        "AND indexname LIKE %s",
        [TRIGRAM_PREFIX + "%"],
    )
    return {name for (name,) in cursor.fetchall()}


def _has_btree_gin(cursor):
    cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'btree_gin'")
    return cursor.fetchone() is not None


def _postgresql_ensure(connection, force=False):
    changes = []
    with connection.cursor() as cursor:
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError as error:
            logger.warning(
                "search: cannot create the pg_trgm extension (%s); the database search "
                "works without it, but scans every row",
                error,
            )
            return ["pg_trgm missing: no trigram indexes"]
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
        except DatabaseError as error:
            logger.warning(
                "search: cannot create the btree_gin extension (%s); searches of one type "
                "read more titles",
                error,
            )
        existing = _postgresql_existing(cursor)
        expected = _trigram_indexes(_migrated_fields(connection), by_type=_has_btree_gin(cursor))
        for name in sorted(existing):
            # Indexes of columns that changed (a language added or removed).
            if force or name not in expected:
                cursor.execute(f"DROP INDEX {_quote(name)}")
                existing.discard(name)
                changes.append(f"dropped {name}")
        for name, statement in expected.items():
            if name not in existing:
                cursor.execute(statement)
                changes.append(f"created {name}")
            else:
                _bound_pending_list(cursor, name)
    changes += postings.ensure(
        connection, _migrated_fields(connection), indexed_fields(), force=force
    )
    return changes


def _postgresql_check(connection):
    with connection.cursor() as cursor:
        existing = _postgresql_existing(cursor)
        expected = set(_trigram_indexes(indexed_fields(), by_type=_has_btree_gin(cursor)))
    report = {
        "trigram indexes": {
            "missing": len(expected - existing),
            "outdated": 0,
            "extra": len(existing - expected),
        }
    }
    if postings.ready(indexed_fields(), connection.alias):
        report.update(postings.check(connection, indexed_fields()))
    return report


def _scan_settings(text):
    """(SET LOCAL statements, their reset) of the settings `index_scans` gives a statement."""
    # Worker processes cost more to start than these statements take, and so does
    # compiling them: the lookups' row estimates of a region lift the statement over
    # jit_above_cost, and JIT took 1.4 s for a search that runs in 100 ms without it.
    # Reading a row's text and lowering it costs far more than the planner's default for
    # an operator: at 100 000 places it filtered all 20 000 events by their titles (read
    # through the content type's index, 265 ms) instead of asking the trigram index (5 ms).
    # Twenty times the default makes it prefer the index; measured in docs/benchmarks.md.
    values = {"max_parallel_workers_per_gather": "0", "jit": "off"}
    if text:
        values.update(enable_seqscan="off", cpu_operator_cost="0.05")
    settings = "; ".join(f"SET LOCAL {name} = {value}" for name, value in values.items())
    reset = "; ".join(f"SET LOCAL {name} TO DEFAULT" for name in values)
    return settings, reset


def with_index_scans(statement, using="default", text=True):
    """`statement` with the settings of `index_scans` before it, for one round trip.

    Statements sent together run as one transaction, so the settings hold for this one
    and end with it; inside another transaction they are reset after it. Read its rows
    with `rows_of`.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        return statement
    settings, reset = _scan_settings(text)
    after = f"; {reset}" if connection.in_atomic_block else ""
    return f"{settings}; {statement}{after}"


# `%s` (a parameter) or `%%` (a percent sign) in SQL written for Django's cursors.
_PLACEHOLDER = re.compile(r"%(.)", re.DOTALL)


def bound(cursor, statement, params):
    """PostgreSQL: `statement` with its parameters written in as literals, as psycopg's
    client-side binding would send it, but each distinct value converted once.

    A search statement repeats its few words, table names and type ids in hundreds of
    places (up to 1 300 parameters); psycopg parses and converts each one in Python, 2 ms
    a statement in the middle and 9 ms for long texts. `cursor`: Django's cursor, whose
    psycopg cursor's adapters convert the values.
    """
    transformer = Transformer.from_context(cursor.cursor)
    pieces = _PLACEHOLDER.split(statement)
    values = iter(params)
    literals = {}
    out = [pieces[0]]
    for index in range(1, len(pieces), 2):
        marker = pieces[index]
        if marker == "s":
            value = next(values, _NO_VALUE)
            if value is _NO_VALUE:
                raise ValueError("Fewer parameters than placeholders in the statement.")
            key = _literal_key(value)
            literal = literals.get(key) if key is not None else None
            if literal is None:
                literal = "NULL" if value is None else transformer.as_literal(value).decode()
                if key is not None:
                    literals[key] = literal
            out.append(literal)
        elif marker == "%":
            out.append("%")
        else:
            raise ValueError(f"Unknown placeholder %{marker} in the statement.")
        out.append(pieces[index + 1])
    if next(values, _NO_VALUE) is not _NO_VALUE:
        raise ValueError("More parameters than placeholders in the statement.")
    return "".join(out)


_NO_VALUE = object()


def _literal_key(value):
    """A key for values whose literals are the same, or None (not kept)."""
    if isinstance(value, list | tuple):
        keys = tuple(_literal_key(item) for item in value)
        return None if None in keys else (type(value), keys)
    try:
        hash(value)
    except TypeError:
        return None
    return (type(value), value)


def rows_of(cursor):
    """The rows of the one statement of a `with_index_scans` batch that returns rows."""
    while cursor.description is None:
        if not cursor.nextset():
            return []
    return cursor.fetchall()


@contextmanager
def index_scans(using="default", text=True):
    """Within: PostgreSQL answers text lookups from the trigram indexes.

    Its planner takes lower() on a long text for as cheap as an addition and, below some
    100 000 rows, prefers to compare every row: 45 ms instead of 5 ms for 10 000 places.
    Operators cost more than by default (the lower-cased texts are long), so that it
    rather asks the index than filters every page of a type. `text=False` (no text
    lookups): only no parallel workers and no JIT. The settings end with the block (and
    with its transaction).
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    settings, reset = _scan_settings(text)
    # Inside another transaction (a test's, ATOMIC_REQUESTS) the settings are reset at the
    # end; otherwise the transaction ends with the block, and they with it.
    nested = connection.in_atomic_block
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute(settings)
        try:
            yield
        finally:
            if nested:
                cursor.execute(reset)


# --- both -----------------------------------------------------------------------------
def ensure(using="default", force=False):
    """Create what is missing or outdated; with `force`, rebuild everything. → changes."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        return _sqlite_ensure(connection, force=force)
    if connection.vendor == "postgresql":
        return _postgresql_ensure(connection, force=force)
    return []


def check(using="default"):
    """Drift between the pages and the index, per index table; {} when there is no index."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        return _sqlite_check(connection)
    if connection.vendor == "postgresql":
        return _postgresql_check(connection)
    return {}


def _add_page_translation_columns(using):
    """Let wagtail_modeltranslation add Page's `title_<language>` columns now.

    Its `migrate` adds them after the migrations, once post_migrate has run; without them
    here the titles would only be indexed by the next `migrate`. The command is the one
    `migrate` runs next (and then finds nothing to do).
    """
    from django.apps import apps

    if using != "default" or not apps.is_installed("wagtail_modeltranslation"):
        return
    connection = connections[using]
    with connection.cursor() as cursor:
        if Page._meta.db_table not in connection.introspection.table_names(cursor):
            return
        columns = {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, Page._meta.db_table
            )
        }
    if all(name in columns for name in indexed_fields()[Page]):
        return
    from wagtail_modeltranslation.management.commands.sync_page_translation_fields import (
        Command,
    )

    Command().handle(interactive=False)


def on_post_migrate(sender, using="default", verbosity=1, **kwargs):
    _add_page_translation_columns(using)
    for change in ensure(using=using):
        if verbosity >= 1:
            print(f"  search: {change}")
