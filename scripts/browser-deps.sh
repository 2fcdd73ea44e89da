#!/usr/bin/env bash
# Debian's chromium for the real-browser tests (Playwright drives /usr/bin/chromium;
# `playwright install` is never run, so no browser is downloaded from outside Debian).
# Installs only when missing; needs root (CI runs as root) or sudo.
set -euo pipefail
test -x /usr/bin/chromium && exit 0
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium
