"""Snippets with the visitor's words marked, always escaped before they reach a template."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Private-use characters mark matches inside engine output until the text is escaped.
MARK_START = "\ue000"
MARK_END = "\ue001"


def _pattern(terms):
    words = sorted({term for term in terms if term}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)


def contains_any(text, terms):
    pattern = _pattern(terms)
    return bool(pattern and pattern.search(text or ""))


def highlight(text, terms, length=180):
    """An escaped excerpt of `text` around the first match, each match in <mark>."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    pattern = _pattern(terms)
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    excerpt = text[start : start + length]
    if start + length < len(text):
        excerpt = excerpt.rsplit(" ", 1)[0] + " …"
    if start:
        excerpt = "… " + excerpt
    if pattern is None:
        return escape(excerpt)
    pieces, position = [], 0
    for found in pattern.finditer(excerpt):
        pieces.append(escape(excerpt[position : found.start()]))
        pieces.append(f"<mark>{escape(found.group(0))}</mark>")
        position = found.end()
    pieces.append(escape(excerpt[position:]))
    return mark_safe("".join(pieces))


def from_engine_fragments(fragments):
    """Join engine highlight fragments tagged with MARK_START/MARK_END into safe HTML."""
    text = " … ".join(" ".join(fragment.split()) for fragment in fragments)
    escaped = str(escape(text))
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
