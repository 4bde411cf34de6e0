"""Admin panels that put German first and the other languages in one tab."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
    TitleFieldPanel,
)


def default_language():
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def other_languages():
    return [(code, name) for code, name in settings.LANGUAGES if code != default_language()]


def localized(field):
    """The default language's column of a translated field, e.g. `teaser_de`."""
    return f"{field}_{default_language()}"


def title_panel():
    lang = default_language()
    return TitleFieldPanel(f"title_{lang}", targets=[f"slug_{lang}"], heading=_("Title"))


def translations_tab(*fields, page=True):
    """One open group per extra language holding every translated field.

    Listing the per-language columns explicitly keeps wagtail-modeltranslation
    from expanding them a second time in the content tab. The groups are open and
    wagtail-modeltranslation's locale picker is off (settings), so the fields are
    visible without extra clicks; a hint says what an empty field means.
    """
    groups = [
        HelpPanel(
            content=_(
                "Translate the German texts here. A field left empty shows the German "
                "text (Polish falls back to English first)."
            ),
            heading=_("How translating works"),
        )
    ]
    for code, name in other_languages():
        panels = []
        if page:
            panels.append(
                TitleFieldPanel(f"title_{code}", targets=[f"slug_{code}"], heading=_("Title"))
            )
            panels.append(FieldPanel(f"slug_{code}", heading=_("Slug")))
        panels += [FieldPanel(f"{field}_{code}") for field in fields]
        if page:
            panels += [
                FieldPanel(f"seo_title_{code}", heading=_("Title for search engines")),
                FieldPanel(f"search_description_{code}", heading=_("Search description")),
            ]
        groups.append(MultiFieldPanel(panels, heading=name))
    return ObjectList(groups, heading=_("Translations"))


def promote_tab():
    lang = default_language()
    return ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel(f"slug_{lang}", heading=_("Slug")),
                    FieldPanel(f"seo_title_{lang}", heading=_("Title for search engines")),
                    FieldPanel("show_in_menus"),
                    FieldPanel(f"search_description_{lang}", heading=_("Search description")),
                ],
                heading=_("For search engines and menus"),
            )
        ],
        heading=_("Promote"),
    )
