"""gunicorn settings for production: `gunicorn --config gunicorn.conf.py` (see `make production`).

Every value can be changed by an environment variable (listed in .env.example); the defaults
suit one machine behind a reverse proxy (nginx, Apache, a load balancer) that terminates
HTTPS, buffers slow clients and serves /media/. docs/operations.md explains the choices.
"""

import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "").strip()  # empty, as in .env.example: the default
    return int(value) if value else default


wsgi_app = "cms.wsgi:application"

# Loopback by default: the reverse proxy on the same machine talks to us, nobody else.
bind = (os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000").split(",")
# Synchronous workers, as gunicorn recommends: 2 per core plus one, at most 8 by default
# (each holds the whole site in memory, roughly 150–250 MB).
workers = _int("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8))
# A request running longer is stuck (normal pages take milliseconds, a GPX upload is cut
# off after a few seconds): the worker is killed and replaced.
timeout = _int("GUNICORN_TIMEOUT", 30)
# On restart or deploy, running requests get this long to finish.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5  # seconds; the reverse proxy may reuse connections
# Workers are replaced after this many requests (with jitter, not all at once), so that
# slow memory growth in any library never adds up.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# The heartbeat file in memory: a slow disk must not make the master kill healthy workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Logs to stdout/stderr for journald or the container runtime. The access log leaves out
# client addresses, user agents and query strings (?near= holds a visitor's position);
# the reverse proxy keeps its own log under the town's retention rules.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL") or "info"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'

# X-Forwarded-* headers are trusted only from these addresses (the reverse proxy).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or "127.0.0.1,::1"
proc_name = "stadtcms"
# gunicorn's control socket (gunicornc) is not needed, and its default path would be
# shared by every gunicorn of the same user.
control_socket_disable = True


def post_worker_init(worker):
    """A new worker (also each `max_requests` replacement) prepares the search's typo and
    "did you mean" words in a thread: 0.4 s at 100 000 places that its first visitors
    with a typo would otherwise wait for."""
    from search.vocabulary import prepare_in_background

    prepare_in_background()
