"""parse_gpx in a child process with CPU, memory and time limits, for files from editors.

The parser itself is linear (tourism.gpx), but an upload is hostile input read inside a
web request: the child bounds what any file can cost, whatever expat or Python make of it.
The worker waits at most GPX_PARSE_SECONDS; a refusal found in the child comes back as its
code and parameters and is worded here, in the editor's language.

    python -m tourism.gpx_sandbox SECONDS MEMORY_MB < track.gpx   (the child's side)
"""

import json
import logging
import math
import resource
import subprocess
import sys
from pathlib import Path

from tourism.gpx import MAX_GPX_BYTES, GPXError, Track, TrackPoint, parse_gpx

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def parse_gpx_bounded(data: bytes) -> Track:
    """parse_gpx's answer, or GPXError("too_complex") when the file exceeds the limits."""
    from django.conf import settings

    if len(data) > MAX_GPX_BYTES:
        raise GPXError.too_large()
    seconds = settings.GPX_PARSE_SECONDS
    command = [
        *[sys.executable, "-m", "tourism.gpx_sandbox"],
        *[str(math.ceil(seconds)), str(settings.GPX_PARSE_MEMORY_MB)],
    ]
    try:
        child = subprocess.run(
            command, input=data, capture_output=True, timeout=seconds, cwd=PROJECT_ROOT
        )
    except subprocess.TimeoutExpired:  # the child is killed by now
        logger.warning("GPX upload of %s bytes: no answer within %s s", len(data), seconds)
        raise GPXError.of("too_complex") from None
    if child.returncode != 0:  # killed at its CPU limit, or out of memory
        logger.warning(
            "GPX upload of %s bytes: reader stopped with %s: %s",
            len(data),
            child.returncode,
            child.stderr[-300:].decode(errors="replace"),
        )
        raise GPXError.of("too_complex")
    answer = json.loads(child.stdout)
    if "error" in answer:
        raise GPXError.of(answer["error"], **answer["params"])
    return Track(name=answer["name"], points=tuple(TrackPoint(*p) for p in answer["points"]))


def main(seconds: int, memory_mb: int) -> None:
    """The child: limit itself, read the file from stdin, answer in JSON on stdout."""
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024,) * 2)
    try:
        track = parse_gpx(sys.stdin.buffer.read())
        answer = {"name": track.name, "points": [[p.lat, p.lon, p.ele] for p in track.points]}
    except GPXError as error:
        answer = {"error": error.code, "params": error.params}
    except MemoryError:
        answer = {"error": "too_complex", "params": {}}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
