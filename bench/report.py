"""What the benchmarks share: percentiles, gzip sizes, and their sections of docs/benchmarks.md."""

import gzip
from pathlib import Path

BENCHMARKS_MD = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def gz_size(data):
    """Bytes after gzip -9, as a server compressing static files would send them."""
    return len(gzip.compress(data, 9))


def write_section(marker, heading, section):
    """Replace what lies between `marker` lines in docs/benchmarks.md, or append a section.

    Each benchmark owns its markers; the file is read just before writing so that the
    sections other benchmarks wrote in the meantime stay.
    """
    text = BENCHMARKS_MD.read_text() if BENCHMARKS_MD.exists() else "# Benchmarks\n"
    if marker in text:
        before, _old, after = text.split(marker, 2)
        text = before + section + after
    else:
        text = text.rstrip("\n") + f"\n\n## {heading}\n\n" + section + "\n"
    BENCHMARKS_MD.write_text(text)
