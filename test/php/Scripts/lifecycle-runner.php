<?php

// The extension's lifecycle entry points (Sync\Maintenance, as plib/scripts/ and the scheduled
// check call them) wired with the process-run root helper and the sandbox's JSON files instead of
// Plesk, for test/system/install.test.ts against a real Postfix configuration:
//
//   php test/php/Scripts/lifecycle-runner.php DATA_DIR post-install|pre-uninstall|rebuild|check
//
// DATA_DIR holds accounts.json and store.json; the journal and the stand-in for Plesk's scheduler
// (check-task.json) are written there too. MAIL_CONFIG is passed on to the root helper.

declare(strict_types=1);

use PleskExt\M365SplitDelivery\ExtensionException;
use PleskExt\M365SplitDelivery\Mail\JsonMailboxDirectory;
use PleskExt\M365SplitDelivery\Postfix\ProcessRootHelper;
use PleskExt\M365SplitDelivery\Store\JsonStore;
use PleskExt\M365SplitDelivery\Sync\CheckSchedule;
use PleskExt\M365SplitDelivery\Sync\JsonSyncJournal;
use PleskExt\M365SplitDelivery\Sync\Maintenance;
use PleskExt\M365SplitDelivery\Sync\MapSynchroniser;
use PleskExt\M365SplitDelivery\Sync\SyncLog;
use PleskExt\M365SplitDelivery\Sync\SystemClock;

require __DIR__ . '/../../../plib/library/autoload.php';

[, $dataDir, $command] = $argv + [null, null, null];
$commands = ['post-install', 'pre-uninstall', 'rebuild', 'check'];
if (!is_string($dataDir) || !in_array($command, $commands, true)) {
    fwrite(STDERR, "usage: php lifecycle-runner.php DATA_DIR post-install|pre-uninstall|rebuild"
        . "|check\n");
    exit(2);
}

$environment = ['PATH' => '/usr/sbin:/usr/bin:/sbin:/bin'];
if (getenv('MAIL_CONFIG') !== false) {
    $environment['MAIL_CONFIG'] = (string) getenv('MAIL_CONFIG');
}
$helper = new ProcessRootHelper(__DIR__ . '/../../../sbin/m365-split-delivery', $environment);

$log = new class implements SyncLog {
    public function info(string $message): void
    {
        fwrite(STDOUT, self::LOG_PREFIX . $message . "\n");
    }

    public function error(string $message): void
    {
        fwrite(STDERR, self::LOG_PREFIX . $message . "\n");
    }
};

// Plesk's scheduler stands in as a file listing the scheduled tasks.
$schedule = new class ($dataDir . '/check-task.json') implements CheckSchedule {
    public function __construct(private readonly string $path)
    {
    }

    public function ensure(): void
    {
        $tasks = $this->tasks();
        if (!in_array('check.php', $tasks, true)) {
            $tasks[] = 'check.php';
        }
        file_put_contents($this->path, json_encode($tasks) . "\n");
    }

    public function remove(): void
    {
        $tasks = array_values(array_diff($this->tasks(), ['check.php']));
        file_put_contents($this->path, json_encode($tasks) . "\n");
    }

    /** @return list<string> */
    private function tasks(): array
    {
        $tasks = is_file($this->path) ? json_decode((string) file_get_contents($this->path)) : [];

        return is_array($tasks) ? $tasks : [];
    }
};

$sync = new MapSynchroniser(
    new JsonStore($dataDir . '/store.json'),
    new JsonMailboxDirectory($dataDir . '/accounts.json'),
    $helper,
    new JsonSyncJournal($dataDir . '/journal'),
    new SystemClock(),
    $log
);
$maintenance = new Maintenance($sync, $helper, $schedule, $log);

try {
    switch ($command) {
        case 'post-install':
            $maintenance->postInstall();
            break;
        case 'pre-uninstall':
            $maintenance->preUninstall();
            break;
        case 'rebuild':
            $apply = $sync->rebuild();
            fwrite($apply->ok ? STDOUT : STDERR, $apply->message . "\n");
            exit($apply->ok ? 0 : 1);
        case 'check':
            exit($maintenance->check());
    }
} catch (ExtensionException $e) {
    fwrite(STDERR, 'error: ' . $e->getMessage() . "\n");
    exit(1);
}
