"""Shared HTTP helpers of the machine-facing endpoints (cms/http.py)."""

import pytest
from django.test import RequestFactory

from cms.http import accepts_gzip


@pytest.mark.parametrize(
    ("header", "accepted"),
    [
        ("gzip, deflate, br", True),
        ("br;q=1.0, GZIP;q=0.5", True),
        ("x-gzip", True),
        ("*", True),
        ("", False),
        ("identity", False),
        ("gzip;q=0", False),
        ("gzip;q=0.0, *;q=1", False),  # named, refused: the wildcard does not override
        ("*;q=0", False),
        ("gzip;q=nonsense", False),
    ],
)
def test_a_client_accepts_gzip_only_when_it_says_so(header, accepted):
    request = RequestFactory().get("/", headers={"Accept-Encoding": header} if header else {})
    assert accepts_gzip(request) is accepted
