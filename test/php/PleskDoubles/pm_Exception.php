<?php

// Test double of Plesk's pm_Exception: what Plesk's extension API throws.

declare(strict_types=1);

class pm_Exception extends Exception
{
}
