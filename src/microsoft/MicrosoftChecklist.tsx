/** What the Microsoft 365 side needs for split delivery of one domain, with the lines to run. */
import { Alert, ContentLoader, Paragraph, Section, StatusMessage } from '@plesk/ui-library';
import { useApi } from '../api/ApiContext';
import { useApiResource } from '../app/useApiResource';
import { useTranslate } from '../i18n/TranslateContext';
import { CopyableLines } from './CopyableLines';
import {
  MICROSOFT_SPF_INCLUDE,
  enhancedFilteringAddresses,
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
  const { skip, left } = enhancedFilteringAddresses(server.data.addresses);

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
        {left.length > 0 && (
          <StatusMessage intent="warning">
            {t(skip.length > 0 ? 'microsoft.inbound.privateLeftOut' : 'microsoft.inbound.noPublic',
              { addresses: left.join(', ') })}
          </StatusMessage>
        )}
        <CopyableLines lines={inboundConnectorCommands(server.data)} />
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
