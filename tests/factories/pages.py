"""Factories for general page types (the demo loader builds its pages without them)."""

from datetime import timedelta

import factory
from django.conf import settings
from django.utils import timezone, translation
from django.utils.text import slugify

from pages.models import (
    EventCategory,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)


class PageFactory(factory.Factory):
    """Creates a page below `parent` (a required keyword) and publishes it."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, **kwargs):
        if parent is None:
            raise ValueError("PageFactory needs parent=… to place the page in the tree.")
        # Plain field names (title, teaser …) mean the default language's columns.
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            page = cls._instantiate(model_class, live=live, **kwargs)
            parent.add_child(instance=page)
            if live:
                page.save_revision().publish()
        return page

    @classmethod
    def _instantiate(cls, model_class, **kwargs):
        """Builds the unsaved page; override to attach child objects (stops, gallery)."""
        return model_class(**kwargs)


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    intro = factory.Faker("sentence", locale="de_DE")


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Aktuelles"


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    teaser = factory.Faker("sentence", locale="de_DE")


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Veranstaltungen"


class EventCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventCategory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kategorie {n}")
    slug = factory.LazyAttribute(lambda category: slugify(category.name))


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))
