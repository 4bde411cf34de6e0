"""The loader script partners embed (`/widgets/embed.v1.js`) and its integrity hash.

Partners pin the file with Subresource Integrity, so the bytes of a published version
must never change: a fix or a new feature is `embed.v2.js`, served next to v1.
"""

import base64
import hashlib
from functools import cache
from pathlib import Path

LOADER_DIR = Path(__file__).resolve().parent / "embed"
CURRENT_VERSION = 1


def loader_path(version=CURRENT_VERSION):
    return LOADER_DIR / f"embed.v{version}.js"


@cache
def loader_bytes(version=CURRENT_VERSION):
    return loader_path(version).read_bytes()


@cache
def loader_integrity(version=CURRENT_VERSION):
    """The `integrity` attribute value for the loader: SHA-384 of the bytes we serve."""
    digest = hashlib.sha384(loader_bytes(version)).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")
