"""The site's static files storage without rewriting source-map references."""

from whitenoise.storage import CompressedManifestStaticFilesStorage

from cms.staticfiles import ManifestStaticFilesStorage


class ManifestWithoutSourceMaps(ManifestStaticFilesStorage):
    # Keep url() and @import in CSS; drop the sourceMappingURL patterns of CSS and JS.
    patterns = (
        ("*.css", (CompressedManifestStaticFilesStorage.patterns[0][1][0],
                   CompressedManifestStaticFilesStorage.patterns[0][1][1])),
    )  # fmt: skip
