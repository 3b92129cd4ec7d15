<?php

// Test double of the Zend view of a controller: the variables the action assigns.

declare(strict_types=1);

class Zend_View extends stdClass
{
}
