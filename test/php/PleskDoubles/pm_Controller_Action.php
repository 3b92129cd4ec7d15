<?php

// Test double of Plesk's pm_Controller_Action (a Zend controller): the request, the response, the
// helper broker and the view, given by the test; init() runs from the constructor, as in Zend.

declare(strict_types=1);

abstract class pm_Controller_Action
{
    // Zend's and Plesk's own names, underscores included.
    // phpcs:disable PSR2.Classes.PropertyDeclaration.Underscore
    /** @var string|list<string> */
    protected $_accessLevel = [];

    protected Zend_Controller_Action_HelperBroker $_helper;
    // phpcs:enable PSR2.Classes.PropertyDeclaration.Underscore

    public Zend_View $view;

    public function __construct(
        private readonly Zend_Controller_Request_Http $request,
        private readonly Zend_Controller_Response_Http $response,
        array $invokeArgs = []
    ) {
        $this->_helper = new Zend_Controller_Action_HelperBroker();
        $this->view = new Zend_View();
        $this->init();
    }

    public function init()
    {
    }

    public function getRequest(): Zend_Controller_Request_Http
    {
        return $this->request;
    }

    public function getResponse(): Zend_Controller_Response_Http
    {
        return $this->response;
    }

    /** What the test reads back: the broker the action used. */
    public function helperBroker(): Zend_Controller_Action_HelperBroker
    {
        return $this->_helper;
    }
}
