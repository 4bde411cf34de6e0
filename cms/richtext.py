"""Rich text that arrives from code (importers, the demo loader) is sanitised.

Wagtail's editor only produces what its features allow, but `|richtext` passes
anything stored in the database through unchanged: `<script>`, `javascript:`
links, `onerror` attributes. Everything written by code goes through here.
"""

from html import escape

import nh3

# What editors may use in rich text fields and blocks of every page type.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]

ALLOWED_TAGS = {"p", "br", "b", "i", "strong", "em", "a", "ul", "ol", "li", "h2", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href", "linktype", "id"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise_rich_text(html):
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
    )


def paragraphs_to_html(text):
    """Plain text with blank lines between paragraphs → `<p>` elements, escaped."""
    paragraphs = [part.strip() for part in (text or "").split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs)
