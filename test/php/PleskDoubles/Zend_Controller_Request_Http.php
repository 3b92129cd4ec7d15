<?php

// Test double of the Zend request Plesk hands its controllers: verb, query, headers, raw body,
// and the route parameters.

declare(strict_types=1);

class Zend_Controller_Request_Http
{
    /**
     * @param array<string, string> $query
     * @param array<string, string> $headers
     * @param array<string, string> $params route and query parameters, as getParam() sees them
     */
    public function __construct(
        private readonly string $method = 'GET',
        private readonly array $query = [],
        private readonly array $headers = [],
        private readonly string $rawBody = '',
        private readonly array $params = []
    ) {
    }

    public function getMethod(): string
    {
        return $this->method;
    }

    public function isPost(): bool
    {
        return $this->method === 'POST';
    }

    /** @return array<string, string>|string|null */
    public function getQuery($key = null, $default = null)
    {
        return $key === null ? $this->query : ($this->query[$key] ?? $default);
    }

    /** Headers by name, whatever their case; false when absent, as Zend answers. */
    public function getHeader($header)
    {
        foreach ($this->headers as $name => $value) {
            if (strcasecmp($name, $header) === 0) {
                return $value;
            }
        }

        return false;
    }

    /** @return string|false */
    public function getRawBody()
    {
        return $this->rawBody === '' ? false : $this->rawBody;
    }

    public function getParam($key, $default = null)
    {
        return $this->params[$key] ?? $this->query[$key] ?? $default;
    }
}
