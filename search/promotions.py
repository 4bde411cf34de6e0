"""Pages the editors put first for a search text ("promoted results"), on both backends."""

from dataclasses import replace

from django.utils import translation
from wagtail.models import Page

from cms.visibility import public_pages
from search import content
from search.expansion import fold
from search.highlight import highlight
from search.models import PromotedResult
from search.query import Hit


def promoted_page_ids(text, language):
    """Ids of the pages promoted for `text` in `language`, in the editors' order."""
    key = fold(text.strip())
    if not key:
        return []
    ids = [
        page_id
        for code, query, page_id in PromotedResult.all_promotions()
        if code in ("", language) and fold(query.strip()) == key
    ]
    return list(dict.fromkeys(ids))


def with_promotions(results):
    """`results` with the promoted pages first on the first page (each once).

    Only pages that visitors may see and that the search shows (places, routes, events,
    news, pages) and that match the chosen type filter are promoted.
    """
    query = results.query
    if query.page != 1 or not query.text:
        return results
    ids = promoted_page_ids(query.text, query.language)
    if not ids:
        return results
    pages = {
        page.pk: page
        for page in public_pages(Page.objects.filter(pk__in=ids)).specific()
        if content.type_of(page) and (not query.types or content.type_of(page) in query.types)
    }
    if not pages:
        return results
    with translation.override(query.language):
        promoted = [
            Hit(
                object=pages[page_id],
                score=0.0,
                highlight=highlight(
                    content.summary_of(pages[page_id], query.language), query.words
                ),
                type=content.type_of(pages[page_id]),
                promoted=True,
                thumbnail=content.thumbnail_of(pages[page_id]),
            )
            for page_id in ids
            if page_id in pages
        ]
    others = [hit for hit in results.hits if hit.object.pk not in pages]
    added = len(promoted) - (len(results.hits) - len(others))
    return replace(results, hits=promoted + others, total=results.total + added)
