<?php

// Test double of Plesk's pm_Exception_ResultException: a utility exited non-zero.

declare(strict_types=1);

class pm_Exception_ResultException extends pm_Exception
{
}
