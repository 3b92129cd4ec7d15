/** One domain: its next hop and mail accounts, and what the Microsoft 365 side needs. */
import { useState } from 'react';
import { Alert, ContentLoader, Heading, Link, Tab, Tabs } from '@plesk/ui-library';
import { useApi } from '../api/ApiContext';
import type { DomainId } from '../api/types';
import { hashOf } from '../app/route';
import { useApiResource } from '../app/useApiResource';
import { DomainStateLabel } from '../domains/DomainStateLabel';
import { useTranslate } from '../i18n/TranslateContext';
import { MicrosoftChecklist } from '../microsoft/MicrosoftChecklist';
import { AccountsSection } from './AccountsSection';
import { NextHopSection } from './NextHopSection';
import { accountsAfter } from './routeOutcome';

export function DomainScreen({ domainId }: { domainId: DomainId }) {
  const api = useApi();
  const t = useTranslate();
  const domain = useApiResource(() => api.domain(domainId), [api, domainId]);
  const [tab, setTab] = useState(1);

  const back = <Link href={hashOf({ screen: 'domains' })}>{t('domain.back')}</Link>;

  if (!domain.data) {
    return (
      <>
        {back}
        {domain.error
          ? <Alert intent="danger">{domain.error.message}</Alert>
          : <ContentLoader text={t('domain.loading')} />}
      </>
    );
  }
  const current = domain.data;

  return (
    <>
      {back}
      <Heading level={2}>
        {current.name} <DomainStateLabel state={current.state} />
      </Heading>
      {domain.error && <Alert intent="danger">{domain.error.message}</Alert>}
      <Tabs active={tab}>
        <Tab title={t('domain.tab.accounts')} onActivate={() => setTab(1)} />
        <Tab title={t('domain.tab.microsoft')} onActivate={() => setTab(2)} />
      </Tabs>
      {tab === 1 ? (
        <>
          <NextHopSection
            key={current.id}
            domain={current}
            onSaved={(saved) => {
              domain.replace((d) => ({
                ...d,
                nextHop: saved.nextHop,
                nextHopResolves: saved.resolves,
              }));
              // Saving may change the state and the accounts' warnings: ask for the truth.
              domain.reload();
            }}
          />
          <AccountsSection
            key={`accounts-${current.id}`}
            domain={current}
            onChanged={(change) =>
              domain.replace((d) => ({
                ...d,
                state: change.state,
                accounts: accountsAfter(d.accounts, change.results),
              }))}
            onUnknownState={domain.reload}
          />
        </>
      ) : (
        <MicrosoftChecklist domain={current.name} />
      )}
    </>
  );
}
