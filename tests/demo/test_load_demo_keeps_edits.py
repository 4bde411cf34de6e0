"""Re-running the demo keeps what editors changed in the admin, unless forced."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tourism.models import PointOfInterestPage


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_rerun_keeps_pages_edited_in_the_admin_and_force_overwrites_them():
    load_demo()
    editor = get_user_model().objects.create_superuser("redakteurin", "r@example.org", "pw")
    place = PointOfInterestPage.objects.order_by("pk").first()
    demo_teaser = place.teaser_de
    place.teaser_de = "Von der Redaktion geändert"
    place.save_revision(user=editor).publish(user=editor)
    untouched = PointOfInterestPage.objects.exclude(pk=place.pk).order_by("pk").first()

    output = load_demo()
    place.refresh_from_db()
    assert place.teaser_de == "Von der Redaktion geändert"
    assert f"Kept “{place.title}”" in output
    assert "1 page(s) edited in the admin were kept" in output and "--force" in output
    assert f"Kept “{untouched.title}”" not in output

    output = load_demo("--force")
    place.refresh_from_db()
    assert place.teaser_de == demo_teaser
    assert "Kept" not in output


@pytest.mark.django_db
def test_an_unpublished_draft_by_an_editor_is_kept_too():
    load_demo()
    editor = get_user_model().objects.create_user("redakteur", password="pw", is_staff=True)
    place = PointOfInterestPage.objects.order_by("pk").first()
    place.teaser_de = "Entwurf der Redaktion"
    place.save_revision(user=editor)
    load_demo()
    place = PointOfInterestPage.objects.get(pk=place.pk)
    assert place.get_latest_revision().user == editor
    assert place.get_latest_revision_as_object().teaser_de == "Entwurf der Redaktion"
