<?php

// Test double of the service pm_ApiRpc::getService() returns: call() passes the request packet
// (without <packet>, as extensions send it) to an answering function set by the test and returns
// the answer parsed, as Plesk returns the response <packet> element.

declare(strict_types=1);

class pm_ApiRpc_Service
{
    private static ?self $instance = null;

    /** @var (callable(string): string)|null */
    public $answer = null;

    /** @var list<string> every request, in order */
    public array $requests = [];

    public static function instance(): self
    {
        return self::$instance ??= new self();
    }

    public static function reset(): void
    {
        self::$instance = null;
    }

    /**
     * @param string|SimpleXMLElement $request
     * @param string|null $login
     */
    public function call($request, $login = null): SimpleXMLElement
    {
        $text = $request instanceof SimpleXMLElement ? (string) $request->asXML() : $request;
        $this->requests[] = $text;
        if ($this->answer === null) {
            throw new pm_Exception('no answer set for the XML API double');
        }

        $answer = ($this->answer)($text);
        $xml = @simplexml_load_string($answer);
        if ($xml === false) {
            throw new pm_Exception('XML API answer is not XML');
        }

        return $xml;
    }
}
