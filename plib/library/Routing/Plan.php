<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Routing;

/** What the map should hold now, why some marks give no route, and which marks are gone. */
final class Plan
{
    /**
     * @param list<Route> $routes
     * @param list<PlanWarning> $warnings
     * @param list<GoneMark> $goneMarks
     */
    public function __construct(
        public readonly array $routes,
        public readonly array $warnings,
        public readonly array $goneMarks
    ) {
    }
}
