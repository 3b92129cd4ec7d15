<?php

// Test double of the helper broker of a Zend controller ($this->_helper): only the json helper,
// which in Zend encodes the data, sends it as application/json and ends the request.

declare(strict_types=1);

class Zend_Controller_Action_HelperBroker
{
    /** @var list<mixed> what json() was given, in order */
    public array $json = [];

    public function json($data, $sendNow = true, $keepLayouts = false, $encodeData = true): void
    {
        $this->json[] = $data;
    }
}
