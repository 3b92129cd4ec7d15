<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

/** The scheduled check that heals the map every 5 minutes: Plesk's scheduler in the panel. */
interface CheckSchedule
{
    /** Creates the task unless it exists already (post-install runs again on upgrades). */
    public function ensure(): void;

    /** Removes the task, if there is one. */
    public function remove(): void;
}
