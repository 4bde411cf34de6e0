"""The admin's page explorer with a region's worth of pages under one parent."""

import pytest
from django.db import connection

from tests.factories.tourism import PointOfInterestPageFactory


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
