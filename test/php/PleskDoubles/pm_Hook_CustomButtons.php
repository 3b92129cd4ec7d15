<?php

// Test double of Plesk's pm_Hook_CustomButtons: the places a button can go, and getButtons().

declare(strict_types=1);

abstract class pm_Hook_CustomButtons
{
    public const PLACE_COMMON = 1;
    public const PLACE_ADMIN_HOME = 2;
    public const PLACE_DOMAIN = 8;
    public const PLACE_DOMAIN_PROPERTIES = 9;
    public const PLACE_DOMAIN_PROPERTIES_DYNAMIC = 16;
    public const SECTION_DOMAIN_PROPS_DYNAMIC_MAIL = 'mail';

    /** @return list<array<string, mixed>> */
    abstract public function getButtons();
}
