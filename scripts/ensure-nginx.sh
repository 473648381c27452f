#!/usr/bin/env bash
# Make sure nginx and openssl are installed for tests/ops/test_proxy_*.py, which run
# Debian's nginx (the package the proxy image uses) in front of gunicorn on
# loopback ports, with its own configuration, prefix and pid file.
#
# Quiet and idempotent when they are there. Otherwise installs Debian's nginx and
# openssl with apt-get, as root or via passwordless sudo, WITHOUT starting the
# package's own nginx service (nothing may listen on port 80 because of a test
# run): a policy-rc.d denies service starts during the install, and on systemd
# machines the service is also stopped and disabled afterwards.
set -euo pipefail

have_nginx() { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; }

if have_nginx && [ -f /etc/nginx/mime.types ] && command -v openssl >/dev/null 2>&1; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-nginx: nginx (with /etc/nginx/mime.types) or openssl is missing and apt-get is not available: install nginx and openssl." >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "ensure-nginx: nginx or openssl is missing and installing them needs root: run 'sudo apt-get install --no-install-recommends nginx openssl' once (then 'sudo systemctl disable --now nginx': the tests run their own)." >&2
    exit 1
fi

# invoke-rc.d and deb-systemd-invoke ask policy-rc.d before starting a service;
# exit status 101 means "not now". Only ours if there was none.
POLICY=/usr/sbin/policy-rc.d
if [ ! -e "$POLICY" ]; then
    "${SUDO[@]}" sh -c "printf '#!/bin/sh\nexit 101\n' > $POLICY && chmod 755 $POLICY"
    trap '"${SUDO[@]}" rm -f "$POLICY"' EXIT
fi

echo "ensure-nginx: installing nginx and openssl with apt-get (one-time setup)..." >&2
# noninteractive + no stdin: CI has no terminal to answer debconf prompts.
# Lock timeout: wait for a concurrent apt/dpkg run instead of failing at once.
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -qq)
"${APT[@]}" update </dev/null >/dev/null
"${APT[@]}" install -y --no-install-recommends nginx openssl </dev/null >/dev/null

# Not at the next boot either: the tests start their own nginx processes.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    "${SUDO[@]}" systemctl disable --now --quiet nginx.service 2>/dev/null || true
fi

if ! have_nginx; then
    echo "ensure-nginx: apt-get finished but nginx is still missing: install it by hand." >&2
    exit 1
fi
echo "ensure-nginx: $( (nginx -v 2>&1 || /usr/sbin/nginx -v 2>&1) | head -1) installed; its service is not running." >&2
