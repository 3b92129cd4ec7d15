<?php

// Plesk's mail-repair hook (Plesk SDK 18.0.52+): `plesk repair mail` rewrites Postfix's
// configuration, transport_maps included, so our map is applied again right after.
//
// TODO(#3): the file placement is unconfirmed. Plesk discovers its pm_Hook_<Name> hooks as
// plib/hooks/<Name>.php with class Modules_<Id>_<Name>; for the namespaced SDK hook
// Plesk\SDK\Hook\Repair\Mail the same rule gives plib/hooks/Repair/Mail.php and the class below.

declare(strict_types=1);

use PleskExt\M365SplitDelivery\Plesk\Extension;

class Modules_M365SplitDelivery_Repair_Mail extends \Plesk\SDK\Hook\Repair\Mail
{
    /** @return void */
    public function repairAll()
    {
        $this->reapply();
    }

    /**
     * The map is one for the whole server: repairing some domains re-applies it whole.
     *
     * @param array<mixed> $domains
     * @return void
     */
    public function repairDomains($domains)
    {
        $this->reapply();
    }

    /**
     * @param array<mixed> $mailnames
     * @return void
     */
    public function repairMailnames($mailnames)
    {
        $this->reapply();
    }

    private function reapply(): void
    {
        // Plesk autoloads only its Modules_… classes; ours come from the extension's autoloader.
        require_once __DIR__ . '/../../library/autoload.php';
        Extension::maintenance()->repair();
    }
}
