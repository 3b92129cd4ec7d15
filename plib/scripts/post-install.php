<?php

// After install and upgrade: schedules the 5-minute check once; changes nothing in main.cf.

pm_Context::init('m365-split-delivery');
require_once __DIR__ . '/../library/autoload.php';
PleskExt\M365SplitDelivery\Plesk\Extension::maintenance()->postInstall();
