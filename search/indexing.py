"""Keeping the Elasticsearch indices in step with the pages.

Incremental: the signal handlers call `index_page` / `remove_page` after publish,
unpublish, move and delete. Rebuild: `rebuild()` fills a fresh timestamped index per
language in bulk and then switches the language's alias to it, so searches never see a
half-built index. `check()` reports drift between the database and the indices.
"""

import logging

from django.conf import settings
from django.utils import timezone, translation
from elasticsearch import NotFoundError
from elasticsearch.helpers import bulk
from wagtail.models import Page

from cms.seo import teaser_image
from cms.visibility import public_pages
from search import content
from search.backends.elasticsearch import get_client, timeout_seconds
from search.documents import alias_name, build_index

logger = logging.getLogger(__name__)

BULK_CHUNK_SIZE = 500
BULK_MAX_BYTES = 5 * 1024 * 1024
SUGGEST_MAX_WORDS = 6


def _suggest_inputs(title):
    """The title and every tail of it, so "Hundisburg" completes "Schloss Hundisburg"."""
    words = title.split()[:SUGGEST_MAX_WORDS]
    return [" ".join(words[position:]) for position in range(len(words))]


def document_for(page, language):
    """The document of `page` in the index of `language`, or None when it has no translation.

    Pages without their own title in a language are found through the German index,
    which lists the languages each page is translated to (`translated_to`).
    """
    if not content.has_own_content(page, language):
        return None
    type_ = content.type_of(page)
    with translation.override(language):
        title = content.value_in(page, "title", language)
        categories = content.categories_of(page)
        location = content.location_of(page)
        document = {
            "page_id": page.pk,
            "type": type_,
            "language": language,
            "translated_to": [
                code
                for code in content.languages()
                if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE
                and content.has_own_content(page, code)
            ],
            "live": True,
            "published": page.last_published_at,
            "title": title,
            "teaser": content.summary_of(page, language),
            "body": content.body_of(page, language),
            "category_names": [category.name for _slug, category in categories],
            "categories": [slug for slug, _category in categories],
            "kind": getattr(page, "kind", None) if type_ == "route" else None,
            "tags": [tag.name for tag in page.tags.all()] if type_ == "poi" else [],
            "location": {"lat": location[0], "lon": location[1]} if location else None,
            "start": getattr(page, "start", None),
            "end": getattr(page, "end", None),
            "url": page.get_url() or "",
            "image_url": _image_url(page),
            "suggest": {"input": _suggest_inputs(title)},
        }
    return document


def _image_url(page):
    image = teaser_image(page)
    try:
        return image.file.url if image else ""
    except (ValueError, OSError):  # a missing file must not stop indexing
        return ""


def _is_searchable(page):
    page = page.specific
    model = type(page)
    if model not in content.TYPE_OF_MODEL:
        return None
    if not public_pages(model.objects.all()).filter(pk=page.pk).exists():
        return None
    return page


def write_timeout():
    """Index writes may wait longer than a visitor's search: an editor's publish, not a page."""
    return max(2.0, timeout_seconds())


def refresh_setting():
    return bool(getattr(settings, "SEARCH_REFRESH_ON_WRITE", False))


def index_page(page, client=None):
    """Index a page in every language (or remove it when it is no longer searchable)."""
    client = client or get_client()
    searchable = _is_searchable(page)
    if searchable is None:
        remove_page(page.pk, client=client)
        return
    for language in content.languages():
        document = document_for(searchable, language)
        if document is None:
            _delete(client, alias_name(language), page.pk)
        else:
            # require_alias: a write before the first rebuild must not auto-create an
            # index with a guessed mapping.
            client.options(request_timeout=write_timeout()).index(
                index=alias_name(language),
                id=str(page.pk),
                document=document,
                require_alias=True,
                refresh=refresh_setting(),
            )


def _delete(client, index, page_id):
    try:
        client.options(request_timeout=write_timeout()).delete(
            index=index, id=str(page_id), refresh=refresh_setting()
        )
    except NotFoundError:
        pass


def remove_page(page_id, client=None):
    client = client or get_client()
    for language in content.languages():
        _delete(client, alias_name(language), page_id)


def all_documents(language):
    for _type, queryset in content.searchable_pages():
        for page in queryset:
            document = document_for(page, language)
            if document is not None:
                yield document


def rebuild(stdout=None, dry_run=False, languages=None, client=None):
    """Fill a fresh index per language, switch the alias to it and delete the old ones."""
    write = stdout.write if stdout else (lambda line: None)
    client = None if dry_run else (client or get_client())
    if client is not None:
        client = client.options(request_timeout=max(30, timeout_seconds()))
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    summary = {}
    for language in languages or content.languages():
        alias = alias_name(language)
        name = f"{alias}-{stamp}"
        documents = list(all_documents(language))
        summary[language] = len(documents)
        if dry_run:
            write(f"{language}: would index {len(documents)} documents into {name}")
            continue
        build_index(name, language).create(using=client)
        done = 0
        for start in range(0, len(documents), BULK_CHUNK_SIZE):
            chunk = documents[start : start + BULK_CHUNK_SIZE]
            bulk(
                client,
                ({"_index": name, "_id": str(doc["page_id"]), "_source": doc} for doc in chunk),
                chunk_size=BULK_CHUNK_SIZE,
                max_chunk_bytes=BULK_MAX_BYTES,
            )
            done += len(chunk)
            write(f"{language}: {done}/{len(documents)} documents")
        client.indices.refresh(index=name)
        old = _indices_behind(client, alias)
        if client.indices.exists(index=alias) and not client.indices.exists_alias(name=alias):
            # A concrete index squatting on the alias name (an early write): replace it.
            client.indices.delete(index=alias)
        actions = [{"remove": {"index": index, "alias": alias}} for index in old]
        actions.append({"add": {"index": name, "alias": alias}})
        client.indices.update_aliases(actions=actions)
        for index in old:
            client.indices.delete(index=index)
        write(f"{language}: alias {alias} → {name}; deleted {len(old)} old index(es)")
    return summary


def _indices_behind(client, alias):
    try:
        return sorted(client.indices.get_alias(name=alias).keys())
    except NotFoundError:
        return []


def indexed_documents(client, language):
    """{page_id: published} of what the language's index holds, read page by page."""
    found = {}
    search_after = None
    while True:
        body = {
            "size": 1000,
            "sort": [{"page_id": "asc"}],
            "_source": ["page_id", "published"],
            "query": {"match_all": {}},
        }
        if search_after is not None:
            body["search_after"] = search_after
        response = client.options(request_timeout=max(30, timeout_seconds())).search(
            index=alias_name(language), body=body
        )
        hits = response["hits"]["hits"]
        if not hits:
            return found
        for hit in hits:
            found[hit["_source"]["page_id"]] = hit["_source"].get("published")
        search_after = hits[-1]["sort"]


def check(client=None):
    """Drift per language: pages missing from the index, extra documents, outdated ones."""
    client = client or get_client()
    report = {}
    for language in content.languages():
        expected = {}
        for document in all_documents(language):
            published = document["published"]
            expected[document["page_id"]] = published.isoformat() if published else None
        try:
            indexed = indexed_documents(client, language)
        except NotFoundError:
            indexed = {}
        outdated = [
            pk
            for pk, published in expected.items()
            if pk in indexed and published and indexed[pk] and _differs(published, indexed[pk])
        ]
        report[language] = {
            "expected": len(expected),
            "indexed": len(indexed),
            "missing": sorted(set(expected) - set(indexed)),
            "extra": sorted(set(indexed) - set(expected)),
            "outdated": sorted(outdated),
        }
    return report


def repair(report, client=None):
    """Fix the drift `check()` found: write missing and outdated pages, remove extra ones.

    Returns how many pages were written or removed. Cheaper than a rebuild when only a
    few documents drifted, and safe to run on a schedule.
    """
    client = client or get_client()
    to_write, to_remove = set(), set()
    for numbers in report.values():
        to_write.update(numbers["missing"], numbers["outdated"])
        to_remove.update(numbers["extra"])
    pages = {page.pk: page for page in Page.objects.filter(pk__in=to_write | to_remove)}
    for page_id in sorted(to_write | to_remove):
        page = pages.get(page_id)
        if page is None:
            remove_page(page_id, client=client)
        else:
            # index_page writes a page visitors may see and removes one they may not.
            index_page(page, client=client)
    return len(to_write | to_remove)


def _differs(expected, indexed):
    from datetime import datetime

    try:
        return datetime.fromisoformat(expected) != datetime.fromisoformat(indexed)
    except (TypeError, ValueError):
        return expected != indexed


def index_subtree(page, client=None):
    """Index `page` and every searchable page below it; remove those visitors may not see.

    After a move, a new slug or a view restriction, pages below may have new URLs or may
    have become private: each is indexed again or removed (`index_page` decides).
    """
    client = client or get_client()
    for model in content.SEARCHABLE_MODELS.values():
        for found in model.objects.descendant_of(page, inclusive=True).iterator():
            index_page(found, client=client)
