<?php

declare(strict_types=1);

/** The "Microsoft 365 Split Delivery" button on a domain's Mail card, opening that domain. */
class Modules_M365SplitDelivery_CustomButtons extends pm_Hook_CustomButtons
{
    private const BASE = '/modules/m365-split-delivery/';

    public function getButtons()
    {
        return [[
            'place' => self::PLACE_DOMAIN_PROPERTIES_DYNAMIC,
            'section' => self::SECTION_DOMAIN_PROPS_DYNAMIC_MAIL,
            'title' => 'Microsoft 365 Split Delivery',
            'description' => 'Deliver single mailboxes of this domain to Microsoft 365',
            'icon' => self::BASE . 'images/icon.svg',
            'link' => self::BASE . 'index.php/index/index',
            // Passes the domain (dom_id / site_id) to the page, which checks access again.
            'contextParams' => true,
        ]];
    }
}
