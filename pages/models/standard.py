from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.panels import localized, promote_tab, title_panel, translations_tab
from cms.seo import SeoMixin
from cms.slugs import TranslatedSlugMixin
from pages.blocks import BodyBlock

TRANSLATED_FIELDS = ("intro", "body")


class StandardPage(SeoMixin, TranslatedSlugMixin, Page):
    """A general page: town hall, legal notice, privacy, accessibility statement …"""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("For legal pages: imprint, privacy, accessibility statement."),
    )

    content_panels = [title_panel(), FieldPanel(localized("intro")), FieldPanel(localized("body"))]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            translations_tab(*TRANSLATED_FIELDS),
            promote_tab(),
            ObjectList([FieldPanel("show_in_footer")], heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_teaser_text(self):
        return self.intro
