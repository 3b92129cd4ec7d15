<?php

// Test double of Plesk's pm_ActionLog: records each submitted event; can be made to refuse.

declare(strict_types=1);

class pm_ActionLog
{
    /** @var list<list<mixed>> action id, object id, old values, new values */
    public static array $submitted = [];

    public static ?string $refuseWith = null;

    public static function reset(): void
    {
        self::$submitted = [];
        self::$refuseWith = null;
    }

    public static function submit(
        $actionId,
        $objectId = null,
        $oldValues = null,
        $newValues = null
    ): void {
        if (self::$refuseWith !== null) {
            throw new Exception(self::$refuseWith);
        }
        self::$submitted[] = [$actionId, $objectId, $oldValues, $newValues];
    }
}
