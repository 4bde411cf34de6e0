from django.conf import settings
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.panels import localized, promote_tab, title_panel, translations_tab
from cms.seo import SeoMixin
from cms.slugs import TranslatedSlugMixin
from cms.visibility import public_pages
from pages import structured_data
from pages.models.events import EventPage
from pages.models.news import NewsPage
from tourism.models import PointOfInterestPage, RoutePage

TRANSLATED_FIELDS = ("hero_title", "hero_text", "intro", "quick_links")


class QuickLinkBlock(blocks.StructBlock):
    """A box for residents: town hall hours, phone numbers, a service."""

    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)

    class Meta:
        icon = "link"
        label = _("Quick link")
        template = "pages/blocks/quick_link.html"


class HomePage(SeoMixin, TranslatedSlugMixin, Page):
    """The town's front page: a welcome, highlights and what residents need most."""

    hero_title = models.CharField(_("hero title"), max_length=120, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    intro = models.TextField(_("introduction"), blank=True)
    quick_links = StreamField(
        [("link", QuickLinkBlock())], blank=True, verbose_name=_("quick links for residents")
    )

    content_panels = [
        title_panel(),
        MultiFieldPanel(
            [
                FieldPanel(localized("hero_title")),
                FieldPanel(localized("hero_text")),
                FieldPanel("hero_image"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel(localized("intro")),
        FieldPanel(localized("quick_links")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            translations_tab(*TRANSLATED_FIELDS),
            promote_tab(),
        ]
    )
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.StandardPage",
        "pages.NewsIndexPage",
        "pages.EventIndexPage",
        "tourism.PointOfInterestIndexPage",
        "tourism.RouteIndexPage",
    ]
    max_count = 1

    # Loaded with the page when it is served (cms/route_cache.py).
    served_with = ("hero_image",)

    class Meta:
        verbose_name = _("home page")

    def get_teaser_image(self):
        return self.hero_image

    def get_teaser_text(self):
        return self.intro or self.hero_text

    def get_structured_data(self, request):
        return structured_data.home(self, request)

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        # Even building these queries costs; the teasers are a stored fragment.
        context["featured_points_of_interest"] = SimpleLazyObject(
            lambda: (
                public_pages(PointOfInterestPage.objects.all())
                .filter(featured=True)
                .prefetch_related("gallery_images__image")[:6]
            )
        )
        context["featured_routes"] = SimpleLazyObject(
            lambda: (
                public_pages(RoutePage.objects.all())
                .filter(featured=True)
                .select_related("image")[:4]
            )
        )
        context["upcoming_events"] = SimpleLazyObject(
            lambda: EventPage.objects.upcoming().select_related("image")[:4]
        )
        context["latest_news"] = SimpleLazyObject(
            lambda: public_pages(NewsPage.objects.all()).order_by("-date")[:3]
        )
        return context
