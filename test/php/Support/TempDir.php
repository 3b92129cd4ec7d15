<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Support;

use FilesystemIterator;
use RecursiveDirectoryIterator;
use RecursiveIteratorIterator;
use RuntimeException;

/** A directory of its own for one test, removed with everything in it afterwards. */
final class TempDir
{
    public readonly string $path;

    public function __construct()
    {
        $path = sys_get_temp_dir() . '/m365-php-test-' . bin2hex(random_bytes(6));
        if (!mkdir($path, 0700)) {
            throw new RuntimeException('cannot create test directory ' . $path);
        }
        $this->path = $path;
    }

    /** Writes $text to $name inside the directory and returns the file's path. */
    public function write(string $name, string $text): string
    {
        $file = $this->path . '/' . $name;
        file_put_contents($file, $text);

        return $file;
    }

    /** @return list<string> the names of the directory's entries, dot files included, sorted */
    public function entries(): array
    {
        $names = array_values(array_diff((array) scandir($this->path), ['.', '..']));
        sort($names);

        return $names;
    }

    public function remove(): void
    {
        $items = new RecursiveIteratorIterator(
            new RecursiveDirectoryIterator($this->path, FilesystemIterator::SKIP_DOTS),
            RecursiveIteratorIterator::CHILD_FIRST
        );
        foreach ($items as $item) {
            $item->isDir() && !$item->isLink() ? rmdir($item->getPathname()) : unlink(
                $item->getPathname()
            );
        }
        rmdir($this->path);
    }
}
