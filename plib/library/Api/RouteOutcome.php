<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Api;

/**
 * What became of one address of `POST routes`: refused before anything changed, or accepted
 * (marked or unmarked in the store). Its result says what the map in force holds afterwards.
 */
final class RouteOutcome
{
    /**
     * @param array{code: string, message: string}|null $refusal why it was not accepted
     */
    private function __construct(
        public readonly string $address,
        public readonly bool $routed,
        public readonly ?array $refusal
    ) {
    }

    public static function accepted(string $address, bool $routed): self
    {
        return new self($address, $routed, null);
    }

    public static function refused(
        string $address,
        bool $routed,
        string $code,
        string $message
    ): self {
        return new self($address, $routed, ['code' => $code, 'message' => $message]);
    }

    public function isAccepted(): bool
    {
        return $this->refusal === null;
    }

    /**
     * The answer's entry: `routed` is whether the map in force routes the address now.
     *
     * @param array<string, int> $inForce the addresses the map in force routes, as keys
     * @param array{code: string, message: string}|null $applyError why the apply failed
     * @return array{address: string, routed: bool, error?: array{code: string, message: string}}
     */
    public function result(
        array $inForce,
        ?array $applyError,
        ?string $nextHop,
        string $domain
    ): array {
        $routed = isset($inForce[$this->address]);
        $entry = ['address' => $this->address, 'routed' => $routed];

        $error = $this->refusal ?? $applyError ?? $this->notInForce($routed, $nextHop, $domain);
        if ($error !== null) {
            $entry['error'] = $error;
        }

        return $entry;
    }

    /** @return array{code: string, message: string}|null */
    private function notInForce(bool $routed, ?string $nextHop, string $domain): ?array
    {
        if ($routed === $this->routed) {
            return null;
        }
        if ($this->routed && $nextHop === null) {
            return ['code' => 'no-next-hop', 'message' => $this->address . ' is marked, but '
                . $domain . ' has no next hop: enter the MX value shown for it in the Microsoft '
                . '365 admin center'];
        }

        return ['code' => 'not-applied', 'message' => $this->address . ' is '
            . ($this->routed ? 'marked, but the map in force does not route it'
                : 'unmarked, but the map in force still routes it')];
    }
}
