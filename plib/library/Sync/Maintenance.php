<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

use PleskExt\M365SplitDelivery\ExtensionException;
use PleskExt\M365SplitDelivery\Postfix\RootHelper;
use PleskExt\M365SplitDelivery\Postfix\RootHelperError;

/**
 * What the install scripts, the scheduled check and the mail-repair hook do, free of Plesk. Only
 * an apply changes main.cf: installing does not, uninstalling takes our map out again.
 */
final class Maintenance
{
    public function __construct(
        private readonly MapSync $sync,
        private readonly RootHelper $helper,
        private readonly CheckSchedule $schedule,
        private readonly SyncLog $log
    ) {
    }

    /** After install or upgrade: the scheduled check exists, once. Safe to run again. */
    public function postInstall(): void
    {
        $this->schedule->ensure();
        $this->log->info('installed: the map is checked every 5 minutes');
    }

    /**
     * Before uninstall: our map leaves transport_maps and the disk, the scheduled check goes.
     *
     * @throws RootHelperError when the helper cannot take the map out (main.cf keeps it)
     */
    public function preUninstall(): void
    {
        $this->schedule->remove();
        $result = $this->helper->remove();
        if (!$result->ok()) {
            $message = 'cannot take our map out of transport_maps (exit ' . $result->exitCode
                . '): ' . $result->message();
            $this->log->error($message);
            throw new RootHelperError('root-helper-failed', $message, $result->exitCode);
        }
        $this->log->info('uninstalled: our map is out of transport_maps');
    }

    /** The scheduled check: re-applies when the map drifted. @return int the exit code */
    public function check(): int
    {
        try {
            $apply = $this->sync->heal();
        } catch (ExtensionException $e) {
            $this->log->error('scheduled check failed: ' . $e->getMessage());
            return 1;
        }

        return $apply === null || $apply->ok ? 0 : 1;
    }

    /** `plesk repair mail`: Plesk rewrote its mail configuration, so re-apply whatever it did. */
    public function repair(): void
    {
        try {
            $apply = $this->sync->rebuild();
            $this->log->info('plesk repair mail: ' . $apply->message);
        } catch (ExtensionException $e) {
            // Plesk's repair must go on: the scheduled check retries within 5 minutes.
            $this->log->error('plesk repair mail: re-applying our map failed: '
                . $e->getMessage());
        }
    }
}
