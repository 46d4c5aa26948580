#!/usr/bin/env bash
# Makes sure the browsers Gloss is tested in are there and not older than the floor Gloss
# declares (package.json "gloss.browsers", also the manifests' minimum versions): Debian's
# Chromium at /usr/bin/chromium (or $CHROMIUM_PATH) and Firefox ESR at /usr/bin/firefox-esr (or
# $FIREFOX_PATH). As root it installs or upgrades them with apt (after `apt-get update`: a stale
# package list installs an old release); otherwise it says what to run.
# Usage: ensure-browsers.sh [chromium] [firefox]   (both when none is named)
set -euo pipefail
cd "$(dirname "$0")/.."
wanted=("$@")
[ ${#wanted[@]} -eq 0 ] && wanted=(chromium firefox)

floor() { node -p "require('./package.json').gloss.browsers.$1"; }
# The first whole number in `<binary> --version` ("Chromium 156.0…", "Mozilla Firefox 153.8.0esr").
major() { "$1" --version 2>/dev/null | grep -oE '[0-9]+' | head -n 1; }

updated=0
install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Gloss needs $1 ≥ $2: run 'sudo apt-get update && sudo apt-get install -y $1'." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ $updated -eq 0 ]; then apt-get update -qq; updated=1; fi
  echo "Installing Debian's $1 (Gloss needs ≥ $2)…" >&2
  apt-get install -y -qq "$1" >/dev/null
}

check() { # package binary floor
  local have
  have=$( [ -x "$2" ] && major "$2" || echo 0 )
  if [ "${have:-0}" -lt "$3" ]; then
    install "$1" "$3"
    have=$( [ -x "$2" ] && major "$2" || echo 0 )
    if [ "${have:-0}" -lt "$3" ]; then
      echo "$1 at $2 is version ${have:-none}; Gloss needs ≥ $3 and apt has nothing newer." >&2
      exit 1
    fi
  fi
  echo "$1 $have (floor $3)"
}

for browser in "${wanted[@]}"; do
  case "$browser" in
    chromium) check chromium "${CHROMIUM_PATH:-/usr/bin/chromium}" "$(floor chromium)" ;;
    firefox) check firefox-esr "${FIREFOX_PATH:-/usr/bin/firefox-esr}" "$(floor firefox)" ;;
    *) echo "unknown browser: $browser" >&2; exit 2 ;;
  esac
done
