<?php

// Plesk's mail-repair hook (Plesk SDK 18.0.52+): `plesk repair mail` rewrites Postfix's
// configuration, transport_maps included, so our map is applied again right after.
//
// Unconfirmed: where Plesk looks for this hook. Plesk finds its pm_Hook_<Name> hooks as
// plib/hooks/<Name>.php declaring Modules_<Id>_<Name>; applied to the namespaced SDK hook
// Plesk\SDK\Hook\Repair\Mail that rule gives this file and class, so that is the choice. No
// public source settles it: Plesk's guide shows another SDK hook (Plesk\SDK\Hook\Webmail) as
// plib/hooks/Webmail.php returning an instance of an anonymous class, but says nothing of
// Repair\Mail. If Plesk looks elsewhere, `plesk repair mail` does not call us and our map stays
// out of transport_maps only until the scheduled check re-applies it (within 5 minutes).

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
