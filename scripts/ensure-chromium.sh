#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium (or $CHROMIUM_PATH): browser tests, the
# bench and `npm start` drive it. Installs it with apt when it is missing and we are root.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Gloss needs Chromium at $chromium: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)." >&2
  exit 1
fi
echo "Installing Debian's chromium…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
[ -x "$chromium" ] || { echo "chromium installed, but $chromium is still missing" >&2; exit 1; }
