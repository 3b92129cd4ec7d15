<?php

// Test double of Plesk's pm_Domain: domains in memory, each with its extension settings, which
// refuse values longer than 5,000 characters as Plesk's settings table does.

declare(strict_types=1);

class pm_Domain
{
    public const SETTING_LIMIT = 5000;

    /** @var array<int, pm_Domain> */
    private static array $domains = [];

    /** How many setSetting calls were made on any domain since reset(). */
    public static int $settingWrites = 0;

    /** When set, the write after this many more writes fails (a database error half-way). */
    public static ?int $failAfterWrites = null;

    /** @var array<string, string> */
    private array $settings = [];

    private function __construct(
        private readonly int $id,
        private readonly string $name,
        private readonly string $displayName
    ) {
    }

    public static function reset(): void
    {
        self::$domains = [];
        self::$settingWrites = 0;
        self::$failAfterWrites = null;
    }

    /** Creates a domain; $name as Plesk keeps it (ASCII), $displayName as shown (Unicode). */
    public static function add(int $id, string $name, ?string $displayName = null): self
    {
        return self::$domains[$id] = new self($id, $name, $displayName ?? $name);
    }

    /** Deletes a domain and its settings, as Plesk does. */
    public static function delete(int $id): void
    {
        unset(self::$domains[$id]);
    }

    /**
     * @param bool $mainDomainsOnly
     * @return array<int, pm_Domain>
     */
    public static function getAllDomains($mainDomainsOnly = false): array
    {
        return self::$domains;
    }

    /** @param int|string $id */
    public static function getByDomainId($id): self
    {
        return self::$domains[(int) $id] ?? throw new pm_Exception("Domain with ID $id not found");
    }

    /** @param string $name */
    public static function getByName($name): self
    {
        foreach (self::$domains as $domain) {
            if ($domain->name === $name || $domain->displayName === $name) {
                return $domain;
            }
        }

        throw new pm_Exception("Domain $name not found");
    }

    public function getId(): int
    {
        return $this->id;
    }

    public function getName(): string
    {
        return $this->name;
    }

    public function getDisplayName(): string
    {
        return $this->displayName;
    }

    /**
     * @param string $name
     * @param mixed $default
     * @return mixed
     */
    public function getSetting($name, $default = null)
    {
        return $this->settings[$name] ?? $default;
    }

    /**
     * @param string $name
     * @param mixed $value
     */
    public function setSetting($name, $value): void
    {
        self::$settingWrites++;
        if (self::$failAfterWrites !== null && self::$failAfterWrites-- <= 0) {
            throw new pm_Exception('Database error: lost connection while writing ' . $name);
        }
        $value = (string) $value;
        if (mb_strlen($value) > self::SETTING_LIMIT) {
            throw new pm_Exception('value of setting ' . $name . ' is longer than '
                . self::SETTING_LIMIT . ' characters');
        }
        if ($value === '') {
            unset($this->settings[$name]);
            return;
        }
        $this->settings[$name] = $value;
    }

    /** @return array<string, string> the domain's settings, for assertions */
    public function settings(): array
    {
        return $this->settings;
    }
}
