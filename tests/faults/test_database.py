"""A PostgreSQL restart, as the app server sees it: every kept connection is cut.

pg_terminate_backend on the site database's connections only (the shared server is never
restarted). Before, each worker answered one 500 on its dead connection; now the
connection is tested before reuse. Bound: every page within 3 s; every partner request
before and after is counted.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.faults.conftest import assert_every_page_answers


@pytest.fixture(scope="module")
def site(production_site, app_server_with):
    if not production_site.postgres:
        pytest.skip("cuts PostgreSQL connections; runs when DATABASE_URL is PostgreSQL")
    return app_server_with()


def test_pages_answer_after_the_database_cut_every_connection(site, production_site):
    addresses = production_site.addresses()
    key = production_site.create_partner("Gasthof an der Ohre (fault suite)")
    counted_before = production_site.partner_requests(key)
    for path in addresses.values():
        assert site.get(path, timeout=120).status == 200
    # Concurrent requests, so that both workers (not only the quicker one) keep a
    # connection to be cut.
    with ThreadPoolExecutor(max_workers=3) as pool:
        answers = list(
            pool.map(
                lambda _: site.get("/api/v1/categories", headers={"X-API-Key": key}).status,
                range(6),
            )
        )
    assert answers == [200] * 6

    assert production_site.terminate_connections() >= 1

    for _ in range(6):  # each worker's first request after the cut
        assert site.get("/api/v1/categories", headers={"X-API-Key": key}).status == 200
    assert_every_page_answers(site, addresses)
    assert "Traceback" not in site.log()
    assert production_site.partner_requests(key) == counted_before + 12
