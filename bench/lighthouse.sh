#!/usr/bin/env bash
# Lighthouse (mobile) on every page type of a running demo, with Debian's chromium.
#   make demo   # in another terminal, or: manage.py runserver --noreload 127.0.0.1:8000
#   bench/lighthouse.sh [BASE_URL]
# Needs Node.js; installs the lighthouse npm package into bench/.lighthouse (not committed).
# Prints a Markdown table of the four category scores.
set -euo pipefail
BASE="${1:-http://127.0.0.1:8000}"
HERE="$(cd "$(dirname "$0")" && pwd)"
TOOL="$HERE/.lighthouse"
[ -x "$TOOL/node_modules/.bin/lighthouse" ] || npm install --prefix "$TOOL" --silent --no-audit --no-fund lighthouse@12
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PAGES=(
  "home /de/"
  "point-of-interest-list /de/sehenswertes/"
  "point-of-interest /de/sehenswertes/reitender-roland/"
  "route-list /de/touren/"
  "route /de/touren/altstadtrundgang/"
  "event-list /de/veranstaltungen/"
  "news-list /de/aktuelles/"
  "standard-page /de/impressum/"
  "search /de/suche/?q=Roland"
  "home-en /en/"
)
OUT="$(mktemp -d)"
echo "| page | performance | accessibility | best practices | SEO |"
echo "| --- | ---: | ---: | ---: | ---: |"
for entry in "${PAGES[@]}"; do
  name="${entry%% *}"; path="${entry#* }"
  "$TOOL/node_modules/.bin/lighthouse" "$BASE$path" --quiet --form-factor=mobile \
    --output=json --output-path="$OUT/$name.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" >/dev/null 2>&1 || true
  python3 - "$OUT/$name.json" "$name" <<'PY'
import json, sys
try:
    categories = json.load(open(sys.argv[1]))["categories"]
    scores = [round(categories[key]["score"] * 100) for key in ("performance", "accessibility", "best-practices", "seo")]
    print(f"| {sys.argv[2]} | " + " | ".join(str(s) for s in scores) + " |")
except Exception as error:  # a failed run is reported, not hidden
    print(f"| {sys.argv[2]} | failed: {error} | | | |")
PY
done
