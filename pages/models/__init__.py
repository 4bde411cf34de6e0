from pages.models.events import EventCategory, EventIndexPage, EventPage
from pages.models.home import HomePage
from pages.models.news import NewsIndexPage, NewsPage
from pages.models.standard import StandardPage

__all__ = [
    "EventCategory",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "StandardPage",
]
