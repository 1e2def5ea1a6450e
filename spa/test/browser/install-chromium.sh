#!/usr/bin/env bash
# Makes sure Debian's Chromium (and a CJK font, so Chinese screenshots show text, not boxes) is
# installed for the browser tests. No browser is downloaded by a test tool: the distribution's
# package is the one the tests drive through playwright-core.
set -euo pipefail
have_cjk_font() { fc-list 2>/dev/null | grep -qi 'cjk'; }
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then
  exit 0
fi
if command -v chromium >/dev/null && have_cjk_font; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "The browser tests need Chromium and a CJK font: sudo apt-get install chromium fonts-noto-cjk" >&2
  echo "(or set CHROMIUM_PATH to a Chromium or Chrome executable)." >&2
  exit 1
fi
echo "installing Debian's chromium and fonts-noto-cjk for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
command -v chromium
