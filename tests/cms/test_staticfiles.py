"""Static file URLs: hashed names from the manifest, each worked out once per process."""

import json

from cms.staticfiles import ManifestStaticFilesStorage


def storage_with_manifest(tmp_path, paths):
    manifest = {"paths": paths, "version": "1.1"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return ManifestStaticFilesStorage(location=tmp_path, base_url="/static/")


def test_a_static_url_names_the_hashed_file_and_is_remembered(tmp_path, settings):
    settings.DEBUG = False
    storage = storage_with_manifest(tmp_path, {"css/site.css": "css/site.0a1b2c.css"})
    assert storage.url("css/site.css") == "/static/css/site.0a1b2c.css"
    storage.hashed_files.clear()  # the manifest is not asked again
    assert storage.url("css/site.css") == "/static/css/site.0a1b2c.css"


def test_in_debug_mode_static_urls_are_not_hashed_nor_remembered(tmp_path, settings):
    settings.DEBUG = True
    storage = storage_with_manifest(tmp_path, {"css/site.css": "css/site.0a1b2c.css"})
    assert storage.url("css/site.css") == "/static/css/site.css"
    settings.DEBUG = False
    assert storage.url("css/site.css") == "/static/css/site.0a1b2c.css"
