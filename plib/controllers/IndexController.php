<?php

declare(strict_types=1);

use PleskExt\M365SplitDelivery\Api\PageMarkup;

/**
 * The extension's page: the mount point and the bundle that starts the UI. Opened from a domain's
 * Mail card (`contextParams`: dom_id / site_id), it opens that domain when the user may manage
 * it; the API checks access again on every call.
 */
class IndexController extends pm_Controller_Action
{
    public function init()
    {
        parent::init();
        require_once dirname(__DIR__) . '/library/autoload.php';
        $this->view->pageTitle = 'Microsoft 365 Split Delivery';
    }

    public function indexAction(): void
    {
        $this->view->page = PageMarkup::html((string) pm_Locale::getCode(), $this->openedDomain());
    }

    private function openedDomain(): ?int
    {
        $request = $this->getRequest();
        $value = $request->getParam('site_id') ?? $request->getParam('dom_id');
        if (!is_string($value) && !is_int($value)) {
            return null;
        }
        if (preg_match('/\A[1-9][0-9]{0,9}\z/', (string) $value) !== 1) {
            return null;
        }

        $domainId = (int) $value;

        return pm_Session::getClient()->hasAccessToDomain($domainId) ? $domainId : null;
    }
}
