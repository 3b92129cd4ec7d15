<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Plesk;

use pm_Scheduler;
use pm_Scheduler_Task;
use pm_Settings;
use PleskExt\M365SplitDelivery\Sync\CheckSchedule;
use Throwable;

/**
 * The scheduled check as a Plesk scheduler task running plib/scripts/check.php every 5 minutes.
 * Its id is kept in the extension setting `checkTaskId`, so that post-install, run again on an
 * upgrade, finds it instead of adding a second one.
 */
final class CheckTask implements CheckSchedule
{
    public const TASK_ID_SETTING = 'checkTaskId';
    public const SCRIPT = 'check.php';
    public const SCHEDULE = [
        'minute' => '*/5',
        'hour' => '*',
        'dom' => '*',
        'month' => '*',
        'dow' => '*',
    ];

    public function ensure(): void
    {
        if ($this->existing() !== null) {
            return;
        }

        $task = new pm_Scheduler_Task();
        $task->setCmd(self::SCRIPT);
        $task->setSchedule(self::SCHEDULE);
        pm_Scheduler::getInstance()->putTask($task);
        pm_Settings::set(self::TASK_ID_SETTING, (string) $task->getId());
    }

    public function remove(): void
    {
        $task = $this->existing();
        if ($task !== null) {
            pm_Scheduler::getInstance()->removeTask($task);
        }
        pm_Settings::set(self::TASK_ID_SETTING, null);
    }

    private function existing(): ?pm_Scheduler_Task
    {
        $id = (string) pm_Settings::get(self::TASK_ID_SETTING, '');
        if ($id === '') {
            return null;
        }

        try {
            return pm_Scheduler::getInstance()->getTaskById($id);
        } catch (Throwable) {
            // Removed from Plesk's scheduler by hand: ensure() creates it again.
            return null;
        }
    }
}
