<?php

// Test double of the Zend response Plesk sends for a controller: status code and headers.

declare(strict_types=1);

class Zend_Controller_Response_Http
{
    public int $code = 200;

    /** @var array<string, string> */
    public array $headers = [];

    public function setHttpResponseCode($code): self
    {
        $this->code = (int) $code;

        return $this;
    }

    public function getHttpResponseCode(): int
    {
        return $this->code;
    }

    public function setHeader($name, $value, $replace = false): self
    {
        $this->headers[(string) $name] = (string) $value;

        return $this;
    }
}
