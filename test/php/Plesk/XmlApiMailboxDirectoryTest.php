<?php

declare(strict_types=1);

namespace PleskExt\M365SplitDelivery\Tests\Plesk;

use pm_ApiRpc_Service;
use pm_Domain;
use pm_Exception;
use PleskExt\M365SplitDelivery\Mail\AccountKind;
use PleskExt\M365SplitDelivery\Mail\MailAccount;
use PleskExt\M365SplitDelivery\Mail\MailboxDirectoryError;
use PleskExt\M365SplitDelivery\Mail\MailDomain;
use PleskExt\M365SplitDelivery\Mail\UnknownDomain;
use PleskExt\M365SplitDelivery\Plesk\XmlApiMailboxDirectory;

final class XmlApiMailboxDirectoryTest extends PleskTestCase
{
    private XmlApiMailboxDirectory $directory;

    protected function setUp(): void
    {
        parent::setUp();
        pm_Domain::add(1, 'example.com');
        pm_Domain::add(2, 'xn--mller-kva.example', 'müller.example');
        pm_Domain::add(3, 'example.org');
        $this->mail->add(1, 11, 'alice');
        $this->mail->add(1, 12, 'bob', true, ['sales', 'Billing']);
        $this->mail->add(1, 14, 'info', false);
        $this->mail->add(2, 21, 'dave');
        $this->directory = new XmlApiMailboxDirectory();
    }

    public function testReadsEachMailnameAsAMailAccount(): void
    {
        self::assertEquals(new MailDomain(1, 'example.com', [
            new MailAccount(11, 'alice', AccountKind::Mailbox, []),
            new MailAccount(12, 'bob', AccountKind::Mailbox, ['sales', 'billing']),
            new MailAccount(14, 'info', AccountKind::Forwarding, []),
        ]), $this->directory->domain(1));
        self::assertSame([
            '<mail><get_info><filter><site-id>1</site-id></filter><mailbox/><forwarding/>'
            . '<aliases/></get_info></mail>',
        ], pm_ApiRpc_Service::instance()->requests);
    }

    public function testReadsManyDomainsInOneCall(): void
    {
        $this->directory->prefetch([1, 2, 3]);

        self::assertSame('xn--mller-kva.example', $this->directory->domain(2)->name);
        self::assertSame([], $this->directory->domain(3)->accounts);
        self::assertCount(3, $this->directory->domain(1)->accounts);
        self::assertSame([
            '<mail><get_info><filter><site-id>1</site-id></filter><mailbox/><forwarding/>'
            . '<aliases/></get_info><get_info><filter><site-id>2</site-id></filter><mailbox/>'
            . '<forwarding/><aliases/></get_info><get_info><filter><site-id>3</site-id></filter>'
            . '<mailbox/><forwarding/><aliases/></get_info></mail>',
        ], pm_ApiRpc_Service::instance()->requests);
    }

    public function testAnErrorAnswerNamesTheDomainAndTheApisText(): void
    {
        $this->mail->failing[2] = [1013, 'Site does not exist'];

        $this->directory->prefetch([1, 2]);
        $this->assertSame('example.com', $this->directory->domain(1)->name);

        $this->expectException(MailboxDirectoryError::class);
        $this->expectExceptionMessage('cannot read the mail accounts of xn--mller-kva.example: '
            . 'the XML API answered error 1013: Site does not exist');

        $this->directory->domain(2);
    }

    public function testAFailedCallIsADirectoryError(): void
    {
        pm_ApiRpc_Service::instance()->answer = static fn (): string
            => throw new pm_Exception('Connection refused');

        $this->expectException(MailboxDirectoryError::class);
        $this->expectExceptionMessage('cannot read the mail accounts of example.com, example.org: '
            . 'the XML API call failed: Connection refused');

        $this->directory->prefetch([1, 3]);
    }

    public function testAnAnswerWithFewerOperationsThanAskedIsADirectoryError(): void
    {
        pm_ApiRpc_Service::instance()->answer = static fn (): string
            => '<packet><mail><get_info><result><status>ok</status></result></get_info></mail>'
            . '</packet>';

        $this->expectException(MailboxDirectoryError::class);
        $this->expectExceptionMessage('cannot read the mail accounts of example.com, example.org: '
            . 'the XML API answered 1 get_info operations for 2 domains');

        $this->directory->prefetch([1, 3]);
    }

    public function testAPacketLevelErrorIsADirectoryError(): void
    {
        pm_ApiRpc_Service::instance()->answer = static fn (): string => '<packet><system>'
            . '<status>error</status><errcode>1001</errcode><errtext>Permission denied</errtext>'
            . '</system></packet>';

        $this->expectException(MailboxDirectoryError::class);
        $this->expectExceptionMessage('cannot read the mail accounts of example.com: the XML API '
            . 'answered error 1001: Permission denied');

        $this->directory->domain(1);
    }

    public function testADomainPleskDoesNotKnowIsUnknown(): void
    {
        $this->expectException(UnknownDomain::class);
        $this->expectExceptionMessage('domain 9 is not in Plesk');

        $this->directory->domain(9);
    }
}
