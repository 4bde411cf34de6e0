"""The admin's page explorer with a region's worth of pages under one parent."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.models import GroupPagePermission
from wagtail_modeltranslation import patch_wagtailadmin

from cms.admin_listing import ExplorerIndexView
from tests.factories.tourism import PointOfInterestPageFactory


def explore(client, page, query=""):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/admin/pages/{page.pk}/{query}")
    assert response.status_code == 200
    return response, [entry["sql"] for entry in captured.captured_queries]


def counts_pages(queries):
    return [sql for sql in queries if "COUNT(" in sql and '"wagtailcore_page"' in sql]


def editor_with(codename, *pages):
    """A user whose group may do `codename` (add_page, change_page …) at `pages` and below."""
    group = Group.objects.create(name=f"{codename} {pages[0].pk}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for page in pages:
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = get_user_model().objects.create_user(f"editor{group.pk}", password="x")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_explorer_offers_the_owners_of_pages_as_a_filter(admin_client, admin_user, poi_index):
    PointOfInterestPageFactory(parent=poi_index, title="Museum", owner=admin_user)
    response = admin_client.get(f"/admin/pages/{poi_index.pk}/")
    assert response.status_code == 200
    owners = response.context["filters"].form.fields["owner"].queryset
    assert list(owners) == [admin_user]


@pytest.mark.django_db
def test_the_page_table_has_indexes_for_the_explorers_order_and_the_root():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert {"stadtcms_page_latest_change_idx", "stadtcms_page_depth_idx"} <= set(constraints)


@pytest.mark.django_db
def test_every_page_is_explored_through_the_project_listing(admin_client, home_page, poi_index):
    for page in (home_page, poi_index):
        response, _queries = explore(admin_client, page)
        assert isinstance(response.context["view"], ExplorerIndexView)


@pytest.mark.django_db
def test_all_children_are_counted_from_the_tree_without_a_count_query(admin_client, poi_index):
    places = [PointOfInterestPageFactory(parent=poi_index) for _ in range(52)]
    response, queries = explore(admin_client, poi_index)
    assert counts_pages(queries) == []
    paginator = response.context["paginator"]
    assert paginator.count == 52 == poi_index.get_children().count()
    assert paginator.num_pages == 2
    assert len(response.context["object_list"]) == 50

    response, _queries = explore(admin_client, poi_index, "?p=2")
    shown = {page.pk for page in response.context["object_list"]}
    assert len(shown) == 2
    assert shown <= {place.pk for place in places}


@pytest.mark.django_db
def test_the_count_follows_pages_added_and_deleted(admin_client, poi_index):
    places = [PointOfInterestPageFactory(parent=poi_index) for _ in range(3)]
    places[0].delete()
    response, _queries = explore(admin_client, poi_index)
    assert response.context["paginator"].count == 2
    assert len(response.context["object_list"]) == 2


@pytest.mark.django_db
def test_a_filtered_listing_counts_what_it_finds(admin_client, admin_user, poi_index):
    PointOfInterestPageFactory(parent=poi_index, owner=admin_user)
    PointOfInterestPageFactory.create_batch(3, parent=poi_index)
    response, queries = explore(admin_client, poi_index, f"?owner={admin_user.pk}")
    assert counts_pages(queries)
    assert response.context["paginator"].count == 1
    assert len(response.context["object_list"]) == 1


@pytest.mark.django_db
def test_a_searched_listing_counts_what_it_finds(admin_client, poi_index):
    PointOfInterestPageFactory(parent=poi_index, title="Kreismuseum")
    for number in range(3):
        PointOfInterestPageFactory(parent=poi_index, title=f"Wassermühle {number}")
    response, _queries = explore(admin_client, poi_index, "?q=Kreismuseum")
    assert response.context["paginator"].count == 1
    assert [page.title for page in response.context["object_list"]] == ["Kreismuseum"]


@pytest.mark.django_db
def test_an_editor_of_some_places_sees_and_counts_only_those(poi_index):
    first, second, *_others = [PointOfInterestPageFactory(parent=poi_index) for _ in range(4)]
    client = editor_with("change_page", first, second)
    response, queries = explore(client, poi_index)
    assert counts_pages(queries)
    assert response.context["paginator"].count == 2
    assert {page.pk for page in response.context["object_list"]} == {first.pk, second.pk}


@pytest.mark.django_db
def test_an_editor_of_the_whole_site_is_counted_from_the_tree(home_page, poi_index):
    PointOfInterestPageFactory.create_batch(3, parent=poi_index)
    client = editor_with("add_page", home_page)
    response, queries = explore(client, poi_index)
    assert counts_pages(queries) == []
    assert response.context["paginator"].count == 3
    assert len(response.context["object_list"]) == 3


@pytest.mark.django_db
def test_a_hook_that_narrows_the_listing_is_counted_by_the_database(admin_client, poi_index):
    first, *_others = [PointOfInterestPageFactory(parent=poi_index) for _ in range(3)]

    def only_the_first(parent_page, pages, request):
        return pages.filter(pk=first.pk)

    with hooks.register_temporarily("construct_explorer_page_queryset", only_the_first):
        response, _queries = explore(admin_client, poi_index)
    assert response.context["paginator"].count == 1
    assert [page.pk for page in response.context["object_list"]] == [first.pk]


@pytest.mark.django_db
def test_rows_share_the_requests_site_root_paths(admin_client, poi_index, monkeypatch):
    """The "view live" link of each row does not read the site root paths again."""
    reads = []
    read = patch_wagtailadmin._localized_site_get_site_root_paths
    monkeypatch.setattr(
        patch_wagtailadmin,
        "_localized_site_get_site_root_paths",
        lambda: reads.append(1) or read(),
    )
    PointOfInterestPageFactory.create_batch(3, parent=poi_index)
    explore(admin_client, poi_index)
    reads.clear()
    explore(admin_client, poi_index)
    few = len(reads)
    PointOfInterestPageFactory.create_batch(27, parent=poi_index)
    reads.clear()
    response, _queries = explore(admin_client, poi_index)
    assert len(reads) == few <= 2
    assert f'href="{poi_index.get_children().first().url}"' in response.content.decode()


@pytest.mark.django_db
def test_the_explorer_costs_the_same_queries_for_3_and_30_children(admin_client, poi_index):
    PointOfInterestPageFactory.create_batch(3, parent=poi_index)
    explore(admin_client, poi_index)
    _response, few = explore(admin_client, poi_index)
    PointOfInterestPageFactory.create_batch(27, parent=poi_index)
    _response, many = explore(admin_client, poi_index)
    assert len(many) == len(few)


def explorable_pages_filters(queries):
    """Queries holding Wagtail's `id IN (the pages the user may explore)` over the page table."""
    return [sql for sql in queries if '"wagtailcore_page"."id" IN (SELECT' in sql]


@pytest.mark.django_db
def test_listing_all_children_does_not_collect_every_explorable_page(admin_client, poi_index):
    # For a superuser every page of the site is explorable: SQLite built a list of all
    # 125 000 page ids of a region to enter the listing of one parent through it.
    places = [PointOfInterestPageFactory(parent=poi_index) for _ in range(3)]
    response, queries = explore(admin_client, poi_index)
    assert explorable_pages_filters(queries) == []
    assert {page.pk for page in response.context["object_list"]} == {place.pk for place in places}


@pytest.mark.django_db
def test_an_editor_of_the_whole_site_lists_children_without_the_explorable_filter(
    home_page, poi_index
):
    places = PointOfInterestPageFactory.create_batch(2, parent=poi_index)
    response, queries = explore(editor_with("change_page", home_page), poi_index)
    assert explorable_pages_filters(queries) == []
    assert {page.pk for page in response.context["object_list"]} == {place.pk for place in places}


@pytest.mark.django_db
def test_an_editor_of_some_places_keeps_wagtails_explorable_filter(poi_index):
    first, second, _other = [PointOfInterestPageFactory(parent=poi_index) for _ in range(3)]
    response, queries = explore(editor_with("change_page", first, second), poi_index)
    assert explorable_pages_filters(queries)
    assert {page.pk for page in response.context["object_list"]} == {first.pk, second.pk}


@pytest.mark.django_db
def test_a_search_keeps_wagtails_explorable_filter(admin_client, poi_index):
    PointOfInterestPageFactory(parent=poi_index, title="Kreismuseum")
    _response, queries = explore(admin_client, poi_index, "?q=Kreismuseum")
    assert explorable_pages_filters(queries)
