"""`{% fragment %}`: a piece of a page rendered once and shared until what it showed changes.

    {% load fragment_tags %}
    {% fragment "poi-nearby" page %}…{% endfragment %}

The rendered HTML is kept per name, arguments (model instances by their primary key),
language, scheme and host, as a cached fragment of the page cache (cms/page_cache.py):
it carries the tags and expiry of everything the page had loaded up to and including the
fragment, so publishing, unpublishing, editing or deleting any of those objects, or the
clock passing an opening change, renders it afresh. Whatever the HTML depends on besides
the loaded objects, the language and the site must be among the arguments.

    {% fragment "card-picture" image only %}{% picture image … %}{% endfragment %}

With `only`, the fragment depends on its model arguments and what it loads itself, not on
the rest of the page: for small pieces shared by many pages, such as an image's
`<picture>` with its renditions (alternative text is per language, as is every fragment).

Previews and requests without dependency tracking (editors, forms) render the fragment
themselves; only anonymous page renders, whose dependencies are collected, store one.
"""

import hashlib

from django import template
from django.db.models import Model
from django.utils import translation
from django.utils.safestring import mark_safe

from cms import page_cache

register = template.Library()

# A fragment holding a form's CSRF token belongs to one visitor and is never shared.
PRIVATE_MARKERS = ("csrfmiddlewaretoken",)


def _key_part(value):
    if isinstance(value, Model):
        return f"{value._meta.label_lower}:{value.pk}"
    return repr(value)


def _site_of(request):
    """Scheme and host, worked out once per request (get_host() checks ALLOWED_HOSTS)."""
    site = getattr(request, "_fragment_site", None)
    if site is None:
        site = request._fragment_site = f"{request.scheme}\x1f{request.get_host()}"
    return site


class FragmentNode(template.Node):
    def __init__(self, name, args, nodelist, only=False):
        self.name, self.args, self.nodelist, self.only = name, args, nodelist, only

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        values = [arg.resolve(context) for arg in self.args]
        parts = [
            self.name.resolve(context),
            translation.get_language() or "",
            _site_of(request),
            self.only,
            *map(_key_part, values),
        ]
        digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
        private = []

        def build():
            if self.only:
                for value in values:
                    if isinstance(value, Model):
                        page_cache.depends_on(value)
            html = self.nodelist.render(context)
            if any(marker in html for marker in PRIVATE_MARKERS):
                private.append(True)
            return str(html)

        html = page_cache.cached_fragment(
            f"html:{digest}", build, with_page_so_far=not self.only, unless=lambda: bool(private)
        )
        return mark_safe(html)  # noqa: S308 – rendered by our own templates just now


@register.tag
def fragment(parser, token):
    """`{% fragment "name" arg … %}…{% endfragment %}`, see the module's docstring."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    only = bits[-1] == "only"
    if only:
        bits.pop()
    name = parser.compile_filter(bits[1])
    args = [parser.compile_filter(bit) for bit in bits[2:]]
    return FragmentNode(name, args, nodelist, only)
