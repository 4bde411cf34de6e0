"""Production settings for the HTTP benchmarks: the same, but collectstatic tolerates the
vendored leaflet.js naming a source map (leaflet.js.map) that the repository does not ship,
which makes `collectstatic` fail with the production storage. At run time nothing differs:
pages look their files up in the same manifest."""

from cms.settings.production import *  # noqa: F403

STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "bench.staticfiles.ManifestWithoutSourceMaps"},
}
