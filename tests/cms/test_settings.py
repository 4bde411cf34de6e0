"""Production settings refuse unsafe configurations; deploy checks stay clean."""

import os
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
