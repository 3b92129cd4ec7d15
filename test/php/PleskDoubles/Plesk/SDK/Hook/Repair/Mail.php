<?php

// Test double of Plesk's mail-repair hook (SDK 18.0.52+), called by `plesk repair mail`.

declare(strict_types=1);

namespace Plesk\SDK\Hook\Repair;

abstract class Mail
{
    /** @return void */
    abstract public function repairAll();

    /**
     * @param array<mixed> $domains
     * @return void
     */
    abstract public function repairDomains($domains);

    /**
     * @param array<mixed> $mailnames
     * @return void
     */
    abstract public function repairMailnames($mailnames);
}
