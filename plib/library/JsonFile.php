<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery;

use JsonException;

/** Reads a JSON document from disk; callers turn a JsonFileError into their own typed error. */
final class JsonFile
{
    /**
     * @return mixed the decoded document (objects as associative arrays)
     * @throws JsonFileError when the file cannot be read or is not JSON
     */
    public static function read(string $path): mixed
    {
        if (is_dir($path)) {
            throw new JsonFileError('unreadable', 'it is a directory');
        }

        $text = @file_get_contents($path);
        if ($text === false) {
            throw new JsonFileError('unreadable', LastPhpError::cause());
        }

        try {
            return json_decode($text, true, 64, JSON_THROW_ON_ERROR);
        } catch (JsonException $e) {
            throw new JsonFileError('malformed', 'it is not valid JSON (' . $e->getMessage() . ')');
        }
    }
}
