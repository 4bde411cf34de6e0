"""/.well-known/security.txt (RFC 9116): the contact the operator configured, never stale."""

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

URL = "/.well-known/security.txt"


def fields(response):
    lines = response.content.decode().splitlines()
    return [tuple(line.split(": ", 1)) for line in lines]


def test_names_the_configured_contacts_with_an_expiry_under_a_year(client, settings):
    settings.SECURITY_CONTACTS = ["mailto:security@haldensleben.de", "https://haldensleben.de/it"]
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(response)
    assert found[:2] == [
        ("Contact", "mailto:security@haldensleben.de"),
        ("Contact", "https://haldensleben.de/it"),
    ]
    values = dict(found)
    expires = datetime.strptime(values["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert timezone.now() < expires < timezone.now() + timedelta(days=365)
    assert values["Canonical"] == "http://testserver/.well-known/security.txt"
    assert values["Preferred-Languages"] == "de, en"


@pytest.mark.django_db  # the 404 page asks for the site
def test_is_absent_until_a_contact_is_configured(client, settings):
    settings.SECURITY_CONTACTS = []
    assert client.get(URL).status_code == 404


def test_a_bare_address_in_the_environment_means_mailto():
    code = "import django; django.setup(); from django.conf import settings; "
    result = subprocess.run(
        [sys.executable, "-c", code + "print(settings.SECURITY_CONTACTS)"],
        env={
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "SECURITY_CONTACT": " security@haldensleben.de , https://a.de/security ",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == repr(
        ["mailto:security@haldensleben.de", "https://a.de/security"]
    )
