<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Sync;

use PleskExt\M365SplitDelivery\Postfix\HelperResult;
use PleskExt\M365SplitDelivery\Postfix\RootHelper;

/**
 * The root helper in memory: keeps the map it was given and answers status as the real one would,
 * counts applies, and can be made to fail or to "lose" its place in transport_maps.
 */
final class RecordingRootHelper implements RootHelper
{
    public ?string $map = null;
    public bool $first = false;
    public string $index = 'missing';

    /** @var list<string> the map text of every apply, in order */
    public array $applies = [];

    public int $removes = 0;

    /** When set, apply fails with this one line on stderr and exit 1, changing nothing. */
    public ?string $failWith = null;

    public function apply(string $mapText): HelperResult
    {
        $this->applies[] = $mapText;
        if ($this->failWith !== null) {
            return new HelperResult(1, '', $this->failWith . "\n");
        }
        $this->map = $mapText;
        $this->first = true;
        $this->index = 'fresh';

        return new HelperResult(0, '', '');
    }

    public function status(): array
    {
        return [
            'first' => $this->first ? 'yes' : 'no',
            'path' => '/etc/postfix/m365-split-delivery/transport',
            'type' => 'hash',
            'routes' => (string) preg_match_all('/^[^#]/m', $this->map ?? ''),
            'sha256' => $this->map === null ? 'none' : hash('sha256', $this->map),
            'index' => $this->index,
        ];
    }

    public function remove(): HelperResult
    {
        $this->removes++;
        $this->map = null;
        $this->first = false;
        $this->index = 'missing';

        return new HelperResult(0, '', '');
    }
}
