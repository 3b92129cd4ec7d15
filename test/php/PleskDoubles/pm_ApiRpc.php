<?php

// Test double of Plesk's pm_ApiRpc: hands out the one XML API service double.

declare(strict_types=1);

class pm_ApiRpc
{
    /** @param string|null $version */
    public static function getService($version = null): pm_ApiRpc_Service
    {
        return pm_ApiRpc_Service::instance();
    }
}
