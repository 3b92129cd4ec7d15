<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Support;

/**
 * A stand-in for sbin/m365-split-delivery: a sh script written by the test, so the client and
 * the CLI can be tested without Postfix or the real helper.
 */
final class FakeRootHelper
{
    /**
     * Writes an executable sh script with $body to $dir/$name and returns its path.
     */
    public static function create(
        string $dir,
        string $body,
        string $name = 'm365-split-delivery'
    ): string {
        $path = $dir . '/' . $name;
        file_put_contents($path, "#!/bin/sh\n" . $body . "\n");
        chmod($path, 0755);

        return $path;
    }

    /**
     * A helper that records its arguments, environment and stdin in $record (a directory) and
     * answers like the real one on success.
     */
    public static function recording(string $dir, string $record): string
    {
        return self::create($dir, <<<SH
            printf '%s\\n' "\$@" > '$record/args'
            env | sort > '$record/env'
            cat > '$record/stdin'
            case "\$1" in
            apply) echo "applied routes=\$(grep -c '^[^#]' '$record/stdin')" ;;
            status) printf 'first=yes\\npath=/etc/postfix/m365-split-delivery/transport\\n'
                printf 'type=hash\\nroutes=2\\nsha256=abc\\nindex=fresh\\n' ;;
            remove) echo removed ;;
            esac
            SH);
    }
}
