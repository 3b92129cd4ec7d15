<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Hooks;

use Modules_M365SplitDelivery_CustomButtons;
use PHPUnit\Framework\TestCase;

final class CustomButtonsTest extends TestCase
{
    public static function setUpBeforeClass(): void
    {
        require_once __DIR__ . '/../../../plib/hooks/CustomButtons.php';
    }

    public function testOneButtonOnTheMailCardOpensThePageForThatDomain(): void
    {
        self::assertSame([[
            'place' => \pm_Hook_CustomButtons::PLACE_DOMAIN_PROPERTIES_DYNAMIC,
            'section' => 'mail',
            'title' => 'Microsoft 365 Split Delivery',
            'description' => 'Deliver single mailboxes of this domain to Microsoft 365',
            'icon' => '/modules/m365-split-delivery/images/icon.svg',
            'link' => '/modules/m365-split-delivery/index.php/index/index',
            'contextParams' => true,
        ]], (new Modules_M365SplitDelivery_CustomButtons())->getButtons());
    }
}
