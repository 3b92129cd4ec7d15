<?php

// Adds marks to a JSON store the way the sandbox does, from a process of its own, for
// JsonStoreTest (two writers at once; a writer whose file size is limited):
//
//   php test/php/Store/store-writer.php STORE DOMAIN_ID FIRST_ACCOUNT_ID COUNT [GO_FILE]
//
// Marks accounts FIRST_ACCOUNT_ID… as local parts user<id>, one addMark each. With GO_FILE it
// first waits (up to 10 s) until that file exists, so that writers started apart begin together.

declare(strict_types=1);

use PleskExt\M365SplitDelivery\ExtensionException;
use PleskExt\M365SplitDelivery\Routing\Mark;
use PleskExt\M365SplitDelivery\Store\JsonStore;

require __DIR__ . '/../../../plib/library/autoload.php';

[, $path, $domainId, $firstId, $count, $goFile] = $argv + array_fill(0, 6, null);
$numbers = [(string) $domainId, (string) $firstId, (string) $count];
if (!is_string($path) || count(array_filter($numbers, 'ctype_digit')) !== 3) {
    fwrite(STDERR, "usage: php store-writer.php STORE DOMAIN_ID FIRST_ACCOUNT_ID COUNT"
        . " [GO_FILE]\n");
    exit(2);
}

if (is_string($goFile)) {
    $deadline = hrtime(true) + 10_000_000_000;
    while (!file_exists($goFile)) {
        if (hrtime(true) >= $deadline) {
            fwrite(STDERR, "store-writer: no $goFile within 10 s\n");
            exit(1);
        }
        usleep(1_000);
    }
}

$store = new JsonStore($path);
try {
    for ($id = (int) $firstId; $id < (int) $firstId + (int) $count; $id++) {
        $store->addMark((int) $domainId, new Mark($id, 'user' . $id));
    }
} catch (ExtensionException $e) {
    fwrite(STDERR, $e->getMessage() . "\n");
    exit(1);
}
