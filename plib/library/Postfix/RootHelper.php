<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Postfix;

/**
 * The root helper sbin/m365-split-delivery, the only code that changes Postfix: run directly
 * (sandbox, tests) or through Plesk's setuid wrapper.
 */
interface RootHelper
{
    /**
     * `apply`: the map text on stdin becomes the transport map, listed first in transport_maps.
     *
     * @throws RootHelperError when the helper cannot be run at all
     */
    public function apply(string $mapText): HelperResult;

    /**
     * `status`, parsed: first, path, type, routes, sha256 and index.
     *
     * @return array<string, string>
     * @throws RootHelperError when the helper cannot be run, fails, or answers something else
     */
    public function status(): array;

    /**
     * `remove`: our map leaves transport_maps and the disk.
     *
     * @throws RootHelperError when the helper cannot be run at all
     */
    public function remove(): HelperResult;
}
