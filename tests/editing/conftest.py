import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile


@pytest.fixture
def german_editor(client, db):
    """A client logged in as an editor whose admin language is German."""
    user = get_user_model().objects.create_superuser("redakteurin", "r@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(user)
    return client
