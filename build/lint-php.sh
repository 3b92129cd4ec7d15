#!/bin/sh
# `php -l` on every PHP file of the project, then PHP_CodeSniffer (PSR-12 as
# narrowed in phpcs.xml). Prints only what fails.
set -eu

cd "$(dirname "$0")/.."

status=0
for file in $(find plib build test -name '*.php' -not -path '*/node_modules/*' | sort); do
    php -l "$file" >/dev/null || status=1
done

phpcs -q --standard=phpcs.xml || status=1
exit "$status"
