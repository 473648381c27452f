#!/bin/sh
# Entry point of the proxy container: fill in the placeholders of
# bifrost.conf.template from the environment (docker-compose.yml), check the
# result, then run nginx in the foreground as PID 1 (it gets the stop signal).
set -eu

VARS='${BIFROST_HTTP_LISTEN} ${BIFROST_HTTPS_LISTEN} ${BIFROST_UPSTREAM} ${BIFROST_RESOLVER} ${BIFROST_STATIC_ROOT} ${BIFROST_ERROR_ROOT} ${BIFROST_TLS_CERT} ${BIFROST_TLS_KEY}'
for name in BIFROST_HTTP_LISTEN BIFROST_HTTPS_LISTEN BIFROST_UPSTREAM BIFROST_RESOLVER BIFROST_STATIC_ROOT \
            BIFROST_ERROR_ROOT BIFROST_TLS_CERT BIFROST_TLS_KEY; do
    eval "value=\${$name:-}"
    if [ -z "$value" ]; then
        echo "start.sh: $name is not set (see docker-compose.yml, service proxy)." >&2
        exit 1
    fi
done
for file in "$BIFROST_TLS_CERT" "$BIFROST_TLS_KEY"; do
    if [ ! -r "$file" ]; then
        echo "start.sh: $file is missing: put fullchain.pem and privkey.pem into TLS_CERT_DIR (docs/operations.md)." >&2
        exit 1
    fi
done

# Only the listed variables are replaced: nginx's own $host, $scheme... stay.
envsubst "$VARS" </etc/nginx/bifrost.conf.template >/etc/nginx/conf.d/bifrost.conf
nginx -t -q
exec nginx -g 'daemon off;'
