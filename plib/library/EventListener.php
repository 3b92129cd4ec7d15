<?php

// Plesk's event listener for this extension: Plesk loads this file and uses the instance it
// returns. Each event only notes that something changed (see Events\MapEvents).

declare(strict_types=1);

require_once __DIR__ . '/autoload.php';

use PleskExt\M365SplitDelivery\Events\MapEvents;
use PleskExt\M365SplitDelivery\Plesk\Extension;

class Modules_M365SplitDelivery_EventListener implements EventListener
{
    public function __construct(private ?MapEvents $events = null)
    {
    }

    /** @return list<string> */
    public function filterActions()
    {
        return MapEvents::ACTIONS;
    }

    /**
     * @param mixed $objectType
     * @param mixed $objectId
     * @param mixed $action
     * @param mixed $oldValues
     * @param mixed $newValues
     * @return void
     */
    public function handleEvent($objectType, $objectId, $action, $oldValues, $newValues)
    {
        if (!in_array($action, MapEvents::ACTIONS, true)) {
            return;
        }

        // Built on the first event of interest only: most requests never need it.
        $this->events ??= Extension::mapEvents();
        $this->events->noteEvent((string) $action);
    }
}

return new Modules_M365SplitDelivery_EventListener();
