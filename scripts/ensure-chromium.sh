#!/usr/bin/env bash
# Make sure the Chromium used by the browser tests (Playwright drives the
# system /usr/bin/chromium, not a downloaded build) is installed.
#
# Quiet and idempotent when it is already there. Otherwise installs Debian's
# chromium + fonts-dejavu-core with apt-get, as root or via passwordless sudo.
# CHROMIUM_PATH, when set, names the browser to use instead; it is only
# checked, never installed.
set -euo pipefail

FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

if [ -n "${CHROMIUM_PATH:-}" ]; then
    if [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
    echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file: point it at a Chromium binary or unset it to use /usr/bin/chromium." >&2
    exit 1
fi

# Fonts too: without any font installed pages render as empty boxes.
if [ -x /usr/bin/chromium ] && [ -f "$FONT" ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: /usr/bin/chromium is missing and apt-get is not available: install Chromium (at /usr/bin/chromium, or set CHROMIUM_PATH) and the DejaVu fonts." >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "ensure-chromium: Chromium is missing and installing it needs root: run 'sudo apt-get install --no-install-recommends chromium fonts-dejavu-core' once." >&2
    exit 1
fi

echo "ensure-chromium: installing chromium and fonts-dejavu-core with apt-get (one-time setup)..." >&2
# noninteractive + no stdin: CI has no terminal to answer debconf prompts.
# Lock timeout: wait for a concurrent apt/dpkg run instead of failing at once.
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -qq)
"${APT[@]}" update </dev/null >/dev/null
"${APT[@]}" install -y --no-install-recommends chromium fonts-dejavu-core </dev/null >/dev/null

if [ ! -x /usr/bin/chromium ]; then
    echo "ensure-chromium: apt-get finished but /usr/bin/chromium is still missing: install Chromium by hand." >&2
    exit 1
fi
echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) installed." >&2
