"""Screenshots of every page type at phone and desktop width, for a person to look at.

    .venv/bin/python bench/screenshots.py [--out var/screenshots] [--widths 390,1280]
        [--languages de,en,pl] [--only HomePage,RoutePage]

Builds the demo on SQLite in a temporary directory (nothing of var/ but the output folder is
touched), serves it with the development server (DEBUG off, bench/screenshot_settings.py) on a
free port and drives Debian's Chromium with Playwright. Files are named
<page type>-<language>-<width>.png; full-page shots with every lazy image loaded, so a phone
screenshot shows everything a visitor would scroll through. var/ is git-ignored; never commit
the PNGs. Takes 3-10 minutes (building the demo is most of it).
"""

import argparse
import contextlib
import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DEFAULT_WIDTHS = (390, 1280)
HEIGHTS = {390: 844}  # phone viewport; wider screens get 800
NOT_FOUND_PATH = "/%(language)s/diese-seite-gibt-es-nicht/"
SETTINGS = "bench.screenshot_settings"
# Full-page shots do not scroll, so images below the first screen would stay empty boxes.
LOAD_LAZY_IMAGES = """async () => {
    const images = [...document.images];
    images.forEach((image) => { image.loading = "eager"; });
    await Promise.all(images.filter((image) => !image.complete).map((image) =>
        new Promise((done) => { image.onload = image.onerror = done; })));
}"""


def page_type_urls(languages):
    """{page type: {language: path}} for one live page of each type, plus the views."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Page

    representatives = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        representatives.setdefault(type(page).__name__, page)
    urls = {}
    for page_type, page in representatives.items():
        urls[page_type] = {}
        for language in languages:
            with translation.override(language):
                urls[page_type][language] = page.get_url()
    if "PointOfInterestIndexPage" in urls:
        urls["PointOfInterestIndexPage-map"] = {
            language: path + "?view=map"
            for language, path in urls["PointOfInterestIndexPage"].items()
        }
    urls["search"] = {}
    for language in languages:
        with translation.override(language):
            urls["search"][language] = reverse(f"search:page_{language}") + "?q=Roland"
    urls["404"] = {language: NOT_FOUND_PATH % {"language": language} for language in languages}
    return urls


def take_screenshots(browser, base_url, urls, out_dir, widths=DEFAULT_WIDTHS):
    """Write one PNG per page type, language and width into `out_dir`; returns the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for width in widths:
        context = browser.new_context(viewport={"width": width, "height": HEIGHTS.get(width, 800)})
        # Only this machine: the detailed maps' tiles and anything else from outside stay out.
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(base_url) or route.request.url.startswith("data:")
                else route.abort()
            ),
        )
        page = context.new_page()
        for page_type, paths in urls.items():
            for language, path in paths.items():
                page.goto(base_url + path, wait_until="load")
                page.evaluate(LOAD_LAZY_IMAGES)
                target = out_dir / f"{page_type}-{language}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
        context.close()
    return written


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the development server did not answer at {url}")


def build_demo(var_dir, languages):
    """Migrate and load the demo into `var_dir`; returns the page URLs."""
    os.environ["VAR_DIR"] = str(var_dir)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    # wagtail-modeltranslation prints the SQL of its column sync whatever the verbosity.
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", verbosity=0)
    return page_type_urls(languages)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "screenshots")
    parser.add_argument("--widths", default=",".join(map(str, DEFAULT_WIDTHS)))
    parser.add_argument("--languages", default="de,en,pl")
    parser.add_argument("--only", default="", help="comma-separated page types, e.g. HomePage")
    args = parser.parse_args(argv)
    widths = [int(width) for width in args.widths.split(",")]
    languages = args.languages.split(",")
    only = {name for name in args.only.split(",") if name}
    if not CHROMIUM.exists():
        parser.error(f"{CHROMIUM} is missing: apt-get install chromium")

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="screenshots-") as var_dir:
        urls = build_demo(var_dir, languages)
        if only:
            urls = {page_type: paths for page_type, paths in urls.items() if page_type in only}
        port = free_port()
        env = {**os.environ, "VAR_DIR": var_dir, "DJANGO_SETTINGS_MODULE": SETTINGS}
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                "--insecure",  # static files with DEBUG off
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            wait_for(base_url + "/robots.txt")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                written = take_screenshots(browser, base_url, urls, args.out, widths)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"{len(written)} screenshots in {args.out}")
    return written


if __name__ == "__main__":
    main()
