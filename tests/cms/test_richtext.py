from cms.richtext import paragraphs_to_html, sanitise_rich_text


def test_script_tags_are_removed():
    assert "<script" not in sanitise_rich_text("<p>Hallo</p><script>alert(1)</script>")


def test_javascript_links_lose_their_href():
    cleaned = sanitise_rich_text('<a href="javascript:alert(1)">klick</a>')
    assert "javascript:" not in cleaned
    assert "klick" in cleaned


def test_event_handler_attributes_are_removed():
    cleaned = sanitise_rich_text('<p onclick="x()">Text</p><img src=x onerror="alert(1)">')
    assert "onclick" not in cleaned and "onerror" not in cleaned and "<img" not in cleaned


def test_editor_markup_survives():
    html = '<p><b>Roland</b> am <a href="https://www.haldensleben.de/">Markt</a></p><ul><li>eins</li></ul>'
    assert sanitise_rich_text(html) == html


def test_plain_text_paragraphs_are_escaped():
    assert paragraphs_to_html("a < b\n\nzweite") == "<p>a &lt; b</p><p>zweite</p>"
