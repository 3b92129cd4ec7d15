<?php

// Run by Plesk's scheduler every 5 minutes: re-applies the map when it drifted (Plesk rewrote
// main.cf, another checksum, a stale index) or changes are still pending.

pm_Context::init('m365-split-delivery');
require_once __DIR__ . '/../library/autoload.php';
exit(PleskExt\M365SplitDelivery\Plesk\Extension::maintenance()->check());
