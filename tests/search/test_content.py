"""What the search reads of a page: plain text that keeps its paragraphs apart."""

from search.content import text_of


def test_paragraphs_do_not_glue_together_in_snippets():
    html = "<p>Wer kann.</p><p>Bitte anmelden.</p><ul><li>eins</li><li>zwei</li></ul>Ende<br>neu"
    assert text_of(html) == "Wer kann. Bitte anmelden. eins zwei Ende neu"


def test_inline_tags_do_not_add_spaces():
    assert text_of("<p>Schloss<b>garten</b></p>") == "Schlossgarten"
