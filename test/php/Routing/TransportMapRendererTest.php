<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Routing;

use PHPUnit\Framework\TestCase;
use PleskExt\M365SplitDelivery\Routing\DuplicateRoute;
use PleskExt\M365SplitDelivery\Routing\InvalidAddress;
use PleskExt\M365SplitDelivery\Routing\InvalidNextHop;
use PleskExt\M365SplitDelivery\Routing\Route;
use PleskExt\M365SplitDelivery\Routing\TransportMapRenderer;

final class TransportMapRendererTest extends TestCase
{
    private const HOST = 'example-com.mail.protection.outlook.com';

    private const HEADER =
        "# Postfix transport map of Microsoft 365 Split Delivery (Plesk extension\n"
        . "# m365-split-delivery): the mailboxes hosted at Microsoft 365, each relayed to its\n"
        . "# domain's Exchange Online host. Generated from the extension's settings and\n"
        . "# overwritten on every change: edit the marks in Plesk, not this file.\n";

    public function testRendersOneLinePerRouteWithKeysSortedBytewise(): void
    {
        $map = (new TransportMapRenderer())->render([
            new Route('carol@example.com', self::HOST),
            new Route('bob@example.org', 'example-org.mail.protection.outlook.com'),
            new Route('bob+x@example.com', self::HOST),
            new Route('bob@example.com', self::HOST),
            new Route('_bob@example.com', self::HOST),
            new Route('0bob@example.com', self::HOST),
        ]);

        // Bytewise: '+' (0x2B) < '0' (0x30) < '@' (0x40) < '_' (0x5F) < 'b' < 'c'.
        self::assertSame(
            self::HEADER
            . "0bob@example.com\tsmtp:[example-com.mail.protection.outlook.com]:25\n"
            . "_bob@example.com\tsmtp:[example-com.mail.protection.outlook.com]:25\n"
            . "bob+x@example.com\tsmtp:[example-com.mail.protection.outlook.com]:25\n"
            . "bob@example.com\tsmtp:[example-com.mail.protection.outlook.com]:25\n"
            . "bob@example.org\tsmtp:[example-org.mail.protection.outlook.com]:25\n"
            . "carol@example.com\tsmtp:[example-com.mail.protection.outlook.com]:25\n",
            $map
        );
    }

    public function testGivesTheSameBytesForTheSameRoutesInAnyOrder(): void
    {
        $routes = [];
        for ($i = 0; $i < 200; $i++) {
            $routes[] = new Route('user' . $i . '@example.com', self::HOST);
        }
        $renderer = new TransportMapRenderer();
        $first = $renderer->render($routes);
        shuffle($routes);

        self::assertSame($first, $renderer->render($routes));
        $firstLine = "user0@example.com\tsmtp:[" . self::HOST . "]:25\n";
        self::assertSame(
            self::HEADER . $firstLine,
            substr($first, 0, strlen(self::HEADER . $firstLine))
        );
    }

    public function testRendersNoRoutesAsTheHeaderAlone(): void
    {
        self::assertSame(self::HEADER, (new TransportMapRenderer())->render([]));
        self::assertSame(TransportMapRenderer::HEADER, self::HEADER);
    }

    public function testEndsEveryLineWithALineFeedAndNoCarriageReturn(): void
    {
        $map = (new TransportMapRenderer())->render([new Route('bob@example.com', self::HOST)]);

        self::assertStringEndsWith("\n", $map);
        self::assertStringNotContainsString("\r", $map);
        self::assertSame(5, substr_count($map, "\n"));
    }

    public function testRefusesARouteWhoseKeyIsNotAnExactAddress(): void
    {
        $this->expectException(InvalidAddress::class);
        $this->expectExceptionMessage(
            'route "example.com" is not an exact address: it has no @domain'
        );

        (new TransportMapRenderer())->render([new Route('example.com', self::HOST)]);
    }

    public function testRefusesAKeyThatWouldSmuggleASecondMapLine(): void
    {
        $this->expectException(InvalidAddress::class);
        $this->expectExceptionMessage(
            'route "bob@example.com\tsmtp:[evil.example]:25\nx@example.com" is not an exact '
            . 'address: it has more than one @'
        );

        (new TransportMapRenderer())->render([
            new Route("bob@example.com\tsmtp:[evil.example]:25\nx@example.com", self::HOST),
        ]);
    }

    public function testRefusesARouteToAHostOutsideMicrosoft365(): void
    {
        $this->expectException(InvalidNextHop::class);
        $this->expectExceptionMessage(
            'route bob@example.com: next hop "mx.example.net" is not a Microsoft 365 host '
            . '(expected *.mail.protection.outlook.com, *.mx.microsoft, '
            . '*.mail.protection.office365.us or *.mail.protection.partner.outlook.cn)'
        );

        (new TransportMapRenderer())->render([new Route('bob@example.com', 'mx.example.net')]);
    }

    public function testRefusesTheSameAddressTwice(): void
    {
        try {
            (new TransportMapRenderer())->render([
                new Route('bob@example.com', self::HOST),
                new Route('bob@example.com', 'other.mail.protection.outlook.com'),
            ]);
            self::fail('rendered two routes for one address');
        } catch (DuplicateRoute $e) {
            self::assertSame(
                'route bob@example.com is listed twice: one address has one next hop',
                $e->getMessage()
            );
            self::assertSame('duplicate-route', $e->errorCode());
        }
    }
}
