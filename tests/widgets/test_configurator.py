"""The configurator: a plain GET form that shows the preview and both snippets."""

import base64
import hashlib
import html as html_module
import re

import pytest
from django.contrib.auth.models import User

from partners.models import Partner

from .conftest import html_of

pytestmark = pytest.mark.django_db


def snippet(html, name):
    text = re.search(rf'<textarea id="snippet-{name}"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    return html_module.unescape(text)


def preview_src(html):
    found = re.search(r'class="configurator__preview"\s+src="([^"]+)"', html)
    return html_module.unescape(found[1])


@pytest.mark.parametrize(
    "path, language",
    [
        ("/de/partner/widgets/", "de"),
        ("/en/partners/widgets/", "en"),
        ("/pl/partnerzy/widzety/", "pl"),
    ],
)
def test_configurator_speaks_each_language_under_its_own_address(client, museum, path, language):
    response = client.get(path)
    assert response.status_code == 200
    html = html_of(response)
    assert f'<html lang="{language}">' in html
    # The widget is in the page's language unless the partner picks another.
    assert f'<option value="{language}" selected>' in html
    assert f"lang={language}" in preview_src(html)


def test_the_other_languages_address_leads_to_this_languages(client, museum):
    response = client.get("/en/partner/widgets/?kind=events")
    assert response.status_code == 302
    assert response["Location"] == "/en/partners/widgets/?kind=events"


def test_footer_links_to_the_configurator_in_the_page_language(client, home_page):
    assert 'href="/de/partner/widgets/"' in html_of(client.get("/de/"))
    assert 'href="/en/partners/widgets/"' in html_of(client.get("/en/"))


def test_without_javascript_the_form_is_a_plain_get_form(client, museum):
    html = html_of(client.get("/en/partners/widgets/"))
    # The configurator's own form, not the header's search form.
    form = re.search(r'<form [^>]*action="/en/partners/widgets/"[^>]*>', html).group(0)
    assert 'method="get"' in form
    assert "csrfmiddlewaretoken" not in html
    # Copy buttons need the script; without it they stay hidden and the text is selectable.
    assert re.search(r"<button [^>]*data-copy=\"snippet-loader\"\s+hidden>", html)
    assert re.search(r"<textarea id=\"snippet-loader\"[^>]*readonly", html)


def test_submitting_the_form_renders_preview_and_snippets_on_the_server(client, walk):
    response = client.get(
        "/en/partners/widgets/",
        {
            "kind": "route",
            "route": walk.pk,
            "lang": "en",
            "theme": "dark",
            "accent": "#AA0000",
            "count": "3",
        },
    )
    html = html_of(response)
    assert preview_src(html) == f"/widgets/route/?lang=en&theme=dark&accent=%23aa0000&id={walk.pk}"
    iframe = snippet(html, "iframe")
    assert iframe.startswith(
        f'<iframe src="http://testserver/widgets/route/?lang=en&amp;theme=dark'
        f'&amp;accent=%23aa0000&amp;id={walk.pk}" title="Town walk" width="100%"'
    )
    assert 'sandbox="allow-scripts allow-same-origin' in iframe
    loader = snippet(html, "loader")
    assert loader.startswith(
        f'<div data-town-widget="route" data-lang="en" data-theme="dark" '
        f'data-accent="#aa0000" data-id="{walk.pk}"></div>\n'
        '<script src="http://testserver/widgets/embed.v1.js" integrity="sha384-'
    )
    assert loader.endswith('crossorigin="anonymous" async></script>')
    # The count of a list does not belong in a route's snippet.
    assert "count" not in loader


def test_the_snippets_integrity_is_the_hash_of_the_served_loader(client, museum):
    html = html_of(client.get("/de/partner/widgets/"))
    integrity = re.search(r'integrity="([^"]+)"', snippet(html, "loader")).group(1)
    served = client.get("/widgets/embed.v1.js").content
    assert integrity == "sha384-" + base64.b64encode(hashlib.sha384(served).digest()).decode()


def test_list_choices_become_widget_options(client, museum, church, walk):
    html = html_of(
        client.get(
            "/de/partner/widgets/",
            {
                "kind": "pois",
                "lang": "de",
                "count": "4",
                "layout": "grid",
                "images": "no",
                "poi_category": ["museums", "churches"],
                "near": "52.29,11.41",
                "radius": "800",
                "poi_ids": [str(church.pk), str(museum.pk)],
                "poi_route": "",
                "target": "new",
            },
        )
    )
    assert preview_src(html) == (
        "/widgets/pois/?lang=de&target=new&count=4&layout=grid&images=no"
        f"&category=museums,churches&near=52.29,11.41&radius=800&ids={church.pk},{museum.pk}"
    )


def test_choices_that_make_no_widget_are_explained_without_snippets(client, museum):
    html = html_of(
        client.get("/en/partners/widgets/", {"kind": "pois", "near": "somewhere", "count": "0"})
    )
    assert "These choices do not make a widget yet:" in html
    assert "“near” must be latitude and longitude" in html
    assert "snippet-loader" not in html
    assert 'class="configurator__preview"' in html  # the preview shows the explanation too


def test_a_partner_key_goes_into_both_snippets_escaped(client, museum):
    partner = Partner.objects.create(name="Hotel")
    html = html_of(client.get("/en/partners/widgets/", {"key": partner.api_key}))
    assert f'data-key="{partner.api_key}"' in snippet(html, "loader")
    assert f"key={partner.api_key}" in snippet(html, "iframe")
    html = html_of(client.get("/en/partners/widgets/", {"key": '"><script>x</script>'}))
    assert "<script>x</script>" not in html


def test_editors_find_the_configurator_in_the_admin_with_their_partners(client, museum):
    Partner.objects.create(name="Hotel am Markt", api_key="hotel-key", widget_token="wt_hotel")
    Partner.objects.create(name="Alt", api_key="old-key", widget_token="wt_old", active=False)
    client.force_login(User.objects.create_superuser("editor", "e@example.org", "pw"))
    home = html_of(client.get("/admin/"))
    assert '"/admin/widgets/"' in home  # the sidebar menu's data
    html = html_of(client.get("/admin/widgets/", {"key": "wt_hotel"}))
    assert '<option value="wt_hotel" selected>Hotel am Markt</option>' in html
    assert "wt_old" not in html
    assert 'data-key="wt_hotel"' in snippet(html, "loader")
    assert "hotel-key" not in html  # the secret API key is never in a snippet
    assert "widgets/configurator.js" in html


def test_editors_without_partner_rights_see_no_partner_in_the_configurator(client, museum):
    from django.contrib.auth.models import Group, Permission

    Partner.objects.create(name="Hotel am Markt", api_key="hotel-key", widget_token="wt_hotel")
    editor = User.objects.create_user("redakteur", "r@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/widgets/")
    assert response.status_code == 200
    html = html_of(response)
    assert "Hotel am Markt" not in html
    assert "hotel-key" not in html
    assert "wt_hotel" not in html


def test_the_admin_configurator_needs_a_login(client, home_page):
    response = client.get("/admin/widgets/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
