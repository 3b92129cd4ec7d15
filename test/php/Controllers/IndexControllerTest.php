<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Controllers;

use IndexController;
use PHPUnit\Framework\TestCase;
use Zend_Controller_Request_Http;
use Zend_Controller_Response_Http;

/** The page: mount point, the bundle started with its options, the domain of the Mail card. */
final class IndexControllerTest extends TestCase
{
    public static function setUpBeforeClass(): void
    {
        require_once __DIR__ . '/../../../plib/controllers/IndexController.php';
    }

    protected function setUp(): void
    {
        \pm_Session::logIn(\pm_Client::reseller('reseller1', [7]));
        \pm_Locale::setCode('de-DE');
    }

    protected function tearDown(): void
    {
        \pm_Session::reset();
        \pm_Locale::setCode('en-US');
    }

    /** @param array<string, string> $params */
    private function page(array $params): string
    {
        $controller = new IndexController(
            new Zend_Controller_Request_Http('GET', [], [], '', $params),
            new Zend_Controller_Response_Http()
        );
        $controller->indexAction();

        ob_start();
        (static function (object $view): void {
            (function (): void {
                require __DIR__ . '/../../../plib/views/scripts/index/index.phtml';
            })->call($view);
        })($controller->view);

        return (string) ob_get_clean();
    }

    public function testThePageMountsAndStartsTheBundleWithItsOptions(): void
    {
        $html = $this->page([]);

        self::assertStringContainsString('<div id="m365-split-delivery"></div>', $html);
        self::assertStringContainsString(
            "require([\"/modules/m365-split-delivery/dist/main.js\"], function (bundle) {",
            $html
        );
        self::assertStringContainsString(
            "bundle['default']({\"moduleId\":\"m365-split-delivery\","
                . "\"baseUrl\":\"/modules/m365-split-delivery/index.php\",\"locale\":\"de-DE\"});",
            $html
        );
        self::assertStringContainsString('var domainId = null;', $html);
    }

    public function testTheMailCardsDomainIsOpenedWhenTheUserMayManageIt(): void
    {
        self::assertStringContainsString('var domainId = 7;', $this->page(['dom_id' => '7']));
        self::assertStringContainsString('var domainId = 7;', $this->page(['site_id' => '7']));
    }

    public function testAForeignOrMalformedDomainIsNotOpened(): void
    {
        self::assertStringContainsString('var domainId = null;', $this->page(['dom_id' => '8']));
        self::assertStringContainsString('var domainId = null;', $this->page(['dom_id' => '7x']));
    }
}
