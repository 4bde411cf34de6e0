"""Production settings refuse unsafe configurations; deploy checks stay clean."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **env}
    environment.pop("SECRET_KEY", None) if "SECRET_KEY" not in env else None
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_a_development_key():
    result = run_manage("check", SECRET_KEY="dev-only-insecure-key-never-use-in-production")
    assert result.returncode != 0


def test_deploy_check_is_clean_in_production():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="www.haldensleben.de",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def env_example():
    """NAME=value pairs of .env.example, as a process manager's EnvironmentFile reads them."""
    pairs = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _equals, value = line.partition("=")
            pairs[name] = value
    return pairs


def test_every_variable_the_settings_read_is_explained_in_env_example():
    read = re.compile(r'(?:env|env_bool|env_list|_int|os\.environ\.get)\(\s*"([A-Z_]+)"')
    sources = [*(ROOT / "cms" / "settings").glob("*.py"), ROOT / "gunicorn.conf.py"]
    names = {name for path in sources for name in read.findall(path.read_text())}
    assert names - set(env_example()) == set()


def test_env_example_with_a_secret_key_is_a_clean_production_configuration():
    environment = {**env_example(), "SECRET_KEY": secrets.token_urlsafe(64)}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **environment)
    assert result.returncode == 0, result.stdout + result.stderr
    # Its empty values mean the defaults: an empty STATIC_ROOT must not be the current folder.
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.STATIC_ROOT, settings.MEDIA_ROOT)",
        **environment,
    )
    assert result.stdout.splitlines()[-1].split() == [
        str(ROOT / "var" / "static"),
        str(ROOT / "var" / "media"),
    ]


def test_production_keeps_sqlite_connections_between_requests(tmp_path):
    # A new SQLite connection costs more than rendering an uncached page.
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['CONN_MAX_AGE'])",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        DATABASE_CONN_MAX_AGE="60",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "60"
