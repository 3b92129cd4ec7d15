<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Sync;

/** How a domain's marks stand against the map in force, as the panel shows it. */
enum DomainState: string
{
    /** Every mark of the domain is in the applied map. */
    case InSync = 'in-sync';
    /** A change is not applied yet, or its apply failed. */
    case Pending = 'pending';
    /** A mark cannot be routed, the domain has no next hop, or our map is not first. */
    case Attention = 'attention';
}
