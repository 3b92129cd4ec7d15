<?php

// Test double of Plesk's EventListener interface, as its extension guide documents it.

declare(strict_types=1);

interface EventListener
{
    /**
     * @param mixed $objectId
     * @param array<string, string>|mixed $oldValues
     * @param array<string, string>|mixed $newValues
     * @return void
     */
    public function handleEvent($objectType, $objectId, $action, $oldValues, $newValues);

    /** @return list<string> */
    public function filterActions();
}
