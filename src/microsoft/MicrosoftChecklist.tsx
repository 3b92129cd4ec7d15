/** What the Microsoft 365 side needs for split delivery of one domain, with the lines to run. */
import { Alert, ContentLoader, Paragraph, Section, StatusMessage } from '@plesk/ui-library';
import { useApi } from '../api/ApiContext';
import { useApiResource } from '../app/useApiResource';
import { useTranslate } from '../i18n/TranslateContext';
import { CopyableLines } from './CopyableLines';
import {
  MICROSOFT_SPF_INCLUDE,
  inboundConnectorAddresses,
  inboundConnectorCommands,
  internalRelayCommands,
  spfRecordExample,
} from './exchangeOnlineCommands';

export function MicrosoftChecklist({ domain }: { domain: string }) {
  const api = useApi();
  const t = useTranslate();
  const server = useApiResource(() => api.server(), [api]);

  if (server.error) {
    return <Alert intent="danger">{server.error.message}</Alert>;
  }
  if (!server.data) {
    return <ContentLoader text={t('microsoft.loading')} />;
  }
  const connector = inboundConnectorAddresses(server.data.addresses);
  const inboundLines = inboundConnectorCommands(server.data);

  return (
    <>
      <Paragraph>{t('microsoft.intro', { domain })}</Paragraph>
      <Section title={t('microsoft.inbound.title')}>
        <Paragraph>
          {t('microsoft.inbound.why', {
            hostname: server.data.hostname,
            addresses: server.data.addresses.join(', '),
          })}
        </Paragraph>
        {inboundLines.length === 0 ? (
          <StatusMessage intent="warning">
            {t('microsoft.inbound.noPublic', { addresses: server.data.addresses.join(', ') })}
          </StatusMessage>
        ) : (
          <>
            {connector.private.length > 0 && (
              <StatusMessage intent="warning">
                {t('microsoft.inbound.privateLeftOut', { addresses: connector.private.join(', ') })}
              </StatusMessage>
            )}
            {connector.ipv6.length > 0 && (
              <StatusMessage intent="warning">
                {t('microsoft.inbound.ipv6LeftOut', { addresses: connector.ipv6.join(', ') })}
              </StatusMessage>
            )}
            <CopyableLines lines={inboundLines} />
          </>
        )}
      </Section>
      <Section title={t('microsoft.relay.title')}>
        <Paragraph>{t('microsoft.relay.why', { domain })}</Paragraph>
        <StatusMessage intent="info">{t('microsoft.relay.loopWarning')}</StatusMessage>
        <CopyableLines lines={internalRelayCommands(domain, server.data)} />
      </Section>
      <Section title={t('microsoft.spf.title')}>
        <Paragraph>{t('microsoft.spf.why', { domain, include: MICROSOFT_SPF_INCLUDE })}</Paragraph>
        <CopyableLines lines={[spfRecordExample()]} />
      </Section>
    </>
  );
}
