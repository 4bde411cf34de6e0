import logging

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel

from cms import page_cache

logger = logging.getLogger(__name__)


class SearchQueryLog(models.Model):
    """What visitors searched for on one day, and how many results they got.

    No personal data: only the normalised text, the language, the date and counts.
    """

    query = models.CharField(_("search text"), max_length=200)
    language = models.CharField(_("language"), max_length=10)
    date = models.DateField(_("date"), default=timezone.localdate)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(_("results (last search)"), default=0)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "date"], name="search_query_log_unique_per_day"
            )
        ]
        indexes = [models.Index(fields=["date", "results"])]

    def __str__(self):
        return self.query

    @classmethod
    def record_quietly(cls, query, language, results):
        """`record`, but a failure is only logged: statistics never cost a visitor results."""
        try:
            cls.record(query, language, results)
        except Exception:
            logger.exception("search: could not record the query")

    @classmethod
    def record(cls, query, language, results):
        """Count one search (lower-case text, so "Roland" and "roland" add up).

        One row per text, language and day, however often it is searched. A flood of
        distinct texts adds rows only up to SEARCH_LOG_MAX_QUERIES_PER_DAY per day; after
        that only texts already seen that day are counted. `prune_search_log` removes old
        days, so the table stays bounded.
        """
        # lower(), not casefold(): "Straße" stays as the visitor typed it, not "strasse".
        text = query.lower()[:200]
        if not text:
            return
        today = timezone.localdate()
        table = connection.ops.quote_name(cls._meta.db_table)
        # One statement, one commit (it was up to seven statements and three commits for a
        # new text): a new row only while the day is below its cap, else count the old one.
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (query, language, date, searches, results) "
                "SELECT %s, %s, %s, 1, %s WHERE "
                f"(SELECT count(*) FROM {table} WHERE date = %s) < %s "
                f"OR EXISTS (SELECT 1 FROM {table} WHERE query = %s AND language = %s "
                "AND date = %s) "
                "ON CONFLICT (query, language, date) DO UPDATE "
                f"SET searches = {table}.searches + 1, results = excluded.results",
                [
                    text,
                    language,
                    today,
                    results,
                    today,
                    settings.SEARCH_LOG_MAX_QUERIES_PER_DAY,
                    text,
                    language,
                    today,
                ],
            )


SYNONYMS_CACHE_KEY = "search:synonym-groups"


def searches_in_language_field():
    """The language an editor's search setting applies to; empty for every language."""
    return models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Only for searches in this language; empty for every language."),
    )


class ForgottenOnChange(models.Model):
    """Editors' search settings, read whole on every search (`kept`); a change drops every
    copy, and the stored search pages built with them."""

    cache_key = ""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.forget()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.forget()
        return result

    @classmethod
    def forget(cls):
        page_cache.bump({page_cache.type_tag(cls)})

    @classmethod
    def kept(cls, load):
        """`load()`'s value, kept in the cache and in each process while none changes
        (no cache round trip per search)."""

        def build():
            page_cache.depends_on_type(cls)
            return load()

        return page_cache.cached_fragment(cls.cache_key, build, shared=True)


class SynonymGroup(ForgottenOnChange):
    """Words visitors use for the same thing: a search for one also finds the others."""

    words = models.TextField(
        _("words"),
        help_text=_(
            "Separated by commas, e.g. “Schwimmbad, Hallenbad, Rolli-Bad”. Words of "
            "another language may stand in the same group (“zamek, Schloss”)."
        ),
    )
    language = searches_in_language_field()

    panels = [FieldPanel("words"), FieldPanel("language")]
    cache_key = SYNONYMS_CACHE_KEY

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["words"]

    def __str__(self):
        return self.words

    @property
    def word_list(self):
        return [word.strip().lower() for word in self.words.split(",") if word.strip()]

    @classmethod
    def groups_for(cls, language):
        """[[word, …], …] for searches in `language` (cached until a group changes)."""
        groups = cls.kept(
            lambda: [(group.language, group.word_list) for group in cls.objects.all()]
        )
        return [words for code, words in groups if code in ("", language) and len(words) > 1]


class PendingIndexUpdate(models.Model):
    """A page whose search documents Elasticsearch did not take: retried until it does.

    Not a foreign key: a deleted page must still leave the index. `subtree` asks for the
    page and every page below it (a move, a slug change, a view restriction).
    """

    page_id = models.PositiveIntegerField(_("page"), unique=True)
    subtree = models.BooleanField(_("with the pages below"), default=False)
    reason = models.CharField(_("reason"), max_length=200)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("pending search index update")
        verbose_name_plural = _("pending search index updates")
        ordering = ["queued_at", "pk"]

    def __str__(self):
        return f"{self.page_id}: {self.reason}"


PROMOTIONS_CACHE_KEY = "search:promoted-results"


class PromotedResult(ForgottenOnChange):
    """A page shown first for a search text, above what the search engine finds."""

    query = models.CharField(
        _("search text"),
        max_length=200,
        help_text=_(
            "As visitors type it; capitals, umlauts and ß are ignored "
            "(“Schwimmbad” also applies to “schwimmbad”)."
        ),
    )
    language = searches_in_language_field()
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Smaller numbers come first.")
    )

    cache_key = PROMOTIONS_CACHE_KEY
    panels = [
        FieldPanel("query"),
        FieldPanel("language"),
        PageChooserPanel("page"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("promoted result")
        verbose_name_plural = _("promoted results")
        ordering = ["query", "sort_order", "pk"]

    def __str__(self):
        return f"{self.query} → {self.page}"

    @classmethod
    def all_promotions(cls):
        """[(language, search text, page id)] in order (cached until a promotion changes)."""
        return cls.kept(lambda: list(cls.objects.values_list("language", "query", "page_id")))
