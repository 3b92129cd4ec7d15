<?php

// Test double of Plesk's pm_Hook_ActionLog: an extension declares its action-log events.

declare(strict_types=1);

abstract class pm_Hook_ActionLog
{
    /** @return array<string, string> event id => title */
    abstract public function getEvents();
}
