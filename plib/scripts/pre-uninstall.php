<?php

// Before removal: takes our map out of transport_maps and the disk, removes the scheduled check.

pm_Context::init('m365-split-delivery');
require_once __DIR__ . '/../library/autoload.php';
PleskExt\M365SplitDelivery\Plesk\Extension::maintenance()->preUninstall();
