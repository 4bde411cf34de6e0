"""Body blocks render what editors entered; derived values come from the blocks, not templates."""

import datetime

import pytest

from pages.blocks import AccessibilityStatementBlock, CallToActionBlock, TableWithCaptionBlock


def render(block, raw):
    return block.render(block.to_python(raw), context={})


def test_call_to_action_links_to_the_other_address_when_no_page_is_chosen():
    html = render(CallToActionBlock(), {"text": "<p>Komm</p>", "link_text": "Los", "url": "/x/"})
    assert '<a class="button" href="/x/">Los</a>' in html


@pytest.mark.django_db
def test_call_to_action_links_to_the_chosen_page(home_page):
    block = CallToActionBlock()
    raw = {"text": "<p>Komm</p>", "link_text": "Los", "page": home_page.pk, "url": ""}
    html = render(block, raw)
    assert f'href="{home_page.url}"' in html


def test_accessibility_statement_dials_the_phone_number_without_spaces():
    raw = {
        "status": "partial",
        "non_accessible": [],
        "assessed_on": datetime.date(2026, 1, 15),
        "method": "self",
        "feedback_email": "barrierefrei@example.org",
        "feedback_phone": "03904 479 0",
        "enforcement_body": "Schlichtungsstelle BGG",
        "enforcement_url": "https://www.schlichtungsstelle-bgg.de/",
    }
    html = render(AccessibilityStatementBlock(), raw)
    assert '<a href="tel:039044790">03904 479 0</a>' in html


def test_table_puts_the_first_row_in_the_head_and_the_first_column_in_row_headers():
    raw = {
        "caption": "Eintrittspreise",
        "table": {
            "data": [[None, "Preis"], ["Erwachsene", "5 €"], ["Kinder", None]],
            "first_row_is_table_header": True,
            "first_col_is_header": True,
        },
    }
    html = render(TableWithCaptionBlock(), raw)
    assert '<th scope="col"></th><th scope="col">Preis</th>' in html
    assert '<th scope="row">Erwachsene</th>' in html
    assert "<td>5 €</td>" in html and "<td></td>" in html
    assert "None" not in html
    assert html.count("<tr>") == 3


def test_table_without_a_header_row_keeps_every_row_in_the_body():
    raw = {
        "caption": "Zeiten",
        "table": {
            "data": [["Mo", "9"], ["Di", "10"]],
            "first_row_is_table_header": False,
            "first_col_is_header": False,
        },
    }
    html = render(TableWithCaptionBlock(), raw)
    assert "<thead>" not in html and "<th" not in html
    assert "<td>Mo</td>" in html and "<td>Di</td>" in html
