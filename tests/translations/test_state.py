"""A translation is outdated when its German text changed after it was last edited."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories.tourism import PointOfInterestPageFactory
from translations import state
from translations.models import TranslationState


@pytest.fixture
def place(poi_index):
    return PointOfInterestPageFactory(
        parent=poi_index,
        title="Roland",
        title_en="Roland statue",
        teaser="Der Roland steht am Markt.",
        teaser_en="The Roland stands on the market square.",
        teaser_pl="Roland stoi na rynku.",
        description="<p>Seit 1528.</p>",
        description_en="<p>Since 1528.</p>",
    )


def publish(page, **values):
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.django_db
def test_new_page_starts_fresh(place):
    assert state.outdated_fields(place) == {}
    assert TranslationState.objects.filter(page=place, language="en", field_name="teaser").exists()


@pytest.mark.django_db
def test_german_change_marks_the_unchanged_translations_outdated(place):
    publish(place, teaser_de="Der Roland steht seit 1419 am Markt.")
    assert state.outdated_fields(place) == {"en": ["teaser"], "pl": ["teaser"]}


@pytest.mark.django_db
def test_translation_changed_in_the_same_save_stays_fresh(place):
    publish(
        place,
        teaser_de="Der Roland steht seit 1419 am Markt.",
        teaser_en="The Roland has stood on the market square since 1419.",
    )
    assert state.outdated_fields(place) == {"pl": ["teaser"]}


@pytest.mark.django_db
def test_editing_the_translation_later_makes_it_fresh_again(place):
    publish(place, teaser_de="Neu.", title_de="Roland-Statue")
    publish(place, teaser_en="New.")
    assert state.outdated_fields(place) == {"en": ["title"], "pl": ["teaser"]}


@pytest.mark.django_db
def test_an_empty_translation_is_missing_not_outdated(place):
    publish(place, description_de="<p>Seit 1528 aus Sandstein.</p>")
    # description_pl was never written: Polish readers see the fallback, as before.
    assert state.outdated_fields(place) == {"en": ["description"]}


@pytest.mark.django_db
def test_a_draft_does_not_change_the_state(place):
    place.teaser_de = "Entwurf."
    place.save_revision()
    assert state.outdated_fields(place) == {}


@pytest.mark.django_db
def test_rich_text_block_keys_from_the_editor_are_not_a_change(place):
    publish(place, description_en='<p data-block-key="x1y2z">Since 1528.</p>')
    publish(place, description_de="<p>Seit 1528, aus Sandstein.</p>")
    assert state.outdated_fields(place)["en"] == ["description"]


@pytest.mark.django_db
def test_marking_reviewed_makes_fields_fresh(place, django_user_model):
    user = django_user_model.objects.create_user("lektor")
    publish(place, teaser_de="Neu.", title_de="Roland-Statue")
    assert state.mark_reviewed(place, "en", user, ["teaser"]) == 1
    assert state.outdated_fields(place) == {"en": ["title"], "pl": ["teaser"]}
    assert state.mark_reviewed(place, "pl", user) == 1
    reviewed = TranslationState.objects.get(page=place, language="pl", field_name="teaser")
    assert reviewed.reviewed_by == user and not reviewed.outdated


@pytest.mark.django_db
def test_polish_readers_of_the_english_fallback_see_its_state(place):
    publish(place, description_de="<p>Seit 1528, aus Sandstein.</p>")
    assert state.outdated_fields_read_in(place, "pl") == ["description"]
    assert state.outdated_fields_read_in(place, "en") == ["description"]
    assert state.outdated_fields_read_in(place, "de") == []


@pytest.mark.django_db
def test_one_query_reads_a_page_state(place, django_assert_num_queries):
    with django_assert_num_queries(1):
        state.freshness(place)
    with django_assert_num_queries(1):
        state.outdated_fields_read_in(place, "pl")


@pytest.mark.django_db
def test_command_records_pages_without_state(place):
    TranslationState.objects.all().delete()
    out = StringIO()
    call_command("record_translation_state", "--dry-run", stdout=out)
    assert out.getvalue().startswith("3 pages")  # home, index, place
    call_command("record_translation_state", stdout=StringIO())
    assert not state.pages_without_state().exists()
    assert state.outdated_fields(place) == {}


@pytest.mark.django_db
def test_a_page_saved_before_the_app_existed_starts_from_its_stored_text(place):
    TranslationState.objects.all().delete()
    publish(place, teaser_de="Der Roland steht seit 1419 am Markt.")
    assert state.outdated_fields(place) == {"en": ["teaser"], "pl": ["teaser"]}
