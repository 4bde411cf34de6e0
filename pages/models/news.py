from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.pagination import StoredCountPaginator
from cms.panels import localized, promote_tab, title_panel, translations_tab
from cms.seo import SeoMixin
from cms.slugs import TranslatedSlugMixin
from cms.visibility import public_pages
from pages import structured_data
from pages.blocks import BodyBlock

NEWS_PER_PAGE = 10


class NewsIndexPage(SeoMixin, TranslatedSlugMixin, Page):
    """The town's news, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [title_panel(), FieldPanel(localized("intro"))]
    edit_handler = TabbedInterface(
        [ObjectList(content_panels, heading=_("Content")), translations_tab("intro"), promote_tab()]
    )
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_teaser_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def news():
            return (
                public_pages(NewsPage.objects.child_of(self))
                .order_by("-date", "-pk")
                .select_related("image")
            )

        paginator = StoredCountPaginator(news, NEWS_PER_PAGE, f"news-count:{self.pk}")
        context["news_page"] = paginator.get_page(request.GET.get("page"))
        return context


class NewsPage(SeoMixin, TranslatedSlugMixin, Page):
    """A news item from the town hall or the tourist office."""

    date = models.DateField(_("date"), default=timezone.localdate)
    teaser = models.TextField(_("teaser"), max_length=300, blank=True)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        title_panel(),
        FieldPanel("date"),
        FieldPanel(localized("teaser")),
        FieldPanel("image"),
        FieldPanel(localized("body")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            translations_tab("teaser", "body"),
            promote_tab(),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("teaser"), index.SearchField("body")]
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    # Loaded with the page when it is served (cms/route_cache.py).
    served_with = ("image",)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    og_type = "article"

    def get_teaser_image(self):
        return self.image

    def get_teaser_text(self):
        return self.teaser

    def get_structured_data(self, request):
        return structured_data.news(self, request)
