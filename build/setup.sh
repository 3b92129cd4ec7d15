#!/bin/sh
# Installs what `npm start`, `npm test` and `npm run bench` need, and nothing
# that is already there: Debian packages (with Postfix preseeded to "No
# configuration", so no system Postfix is set up or started; Chromium for the
# browser test and the screenshots), then `npm ci`
# when package-lock.json changed since the last install. Quiet unless it acts.
set -eu

cd "$(dirname "$0")/.."

packages='php-cli php-xml php-intl php-mbstring phpunit postfix postfix-lmdb
iproute2 php-codesniffer shellcheck util-linux chromium fonts-dejavu-core'

missing=''
for package in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || :)
    case "$status" in
        *' installed') ;;
        *) missing="$missing $package" ;;
    esac
done

if [ -n "$missing" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup: missing Debian packages:$missing (run as root to install them)" >&2
        exit 1
    fi
    echo "setup: installing Debian packages:$missing"
    echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086 # the list is split on purpose
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

stamp=node_modules/.package-lock.sha256
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo 'setup: npm ci'
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    echo "$wanted" > "$stamp"
fi
