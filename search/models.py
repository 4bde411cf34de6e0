from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
    def record(cls, query, language, results):
        """Count one search (case-folded text, so "Roland" and "roland" add up).

        One row per text, language and day, however often it is searched. A flood of
        distinct texts adds rows only up to SEARCH_LOG_MAX_QUERIES_PER_DAY per day; after
        that only texts already seen that day are counted. `prune_search_log` removes old
        days, so the table stays bounded.
        """
        text = query.casefold()[:200]
        if not text:
            return
        today = timezone.localdate()
        same = cls.objects.filter(query=text, language=language, date=today)
        if same.update(searches=F("searches") + 1, results=results):
            return
        if cls.objects.filter(date=today).count() >= settings.SEARCH_LOG_MAX_QUERIES_PER_DAY:
            return
        entry, _created = cls.objects.get_or_create(query=text, language=language, date=today)
        cls.objects.filter(pk=entry.pk).update(searches=F("searches") + 1, results=results)
