/** The mail accounts of a domain, each with its switch "Hosted at Microsoft 365". */
import { useState } from 'react';
import {
  Alert,
  Button,
  List,
  ListEmptyView,
  SegmentedControl,
  Section,
  Switch,
  Text,
  Toolbar,
  ToolbarExpander,
  ToolbarGroup,
  type ListProps,
} from '@plesk/ui-library';
import { useApi } from '../api/ApiContext';
import type { DomainDetail, MailAccount, RouteChange } from '../api/types';
import { asApiError } from '../app/useApiResource';
import { useTranslate } from '../i18n/TranslateContext';
import { filterAccounts, type AccountFilter } from './accountFilter';
import { outcomesOf, type RouteOutcome } from './routeOutcome';

interface Props {
  domain: DomainDetail;
  onChanged: (change: RouteChange) => void;
  /** Called when a change failed as a whole: what is in force must be asked again. */
  onUnknownState: () => void;
}

type AccountRow = MailAccount & { key: string };

interface Summary {
  changed: number;
  refused: number;
  failure?: string;
}

export function AccountsSection({ domain, onChanged, onUnknownState }: Props) {
  const api = useApi();
  const t = useTranslate();
  const [filter, setFilter] = useState<AccountFilter>('all');
  const [selection, setSelection] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<Record<string, RouteOutcome>>({});
  const [summary, setSummary] = useState<Summary | undefined>(undefined);

  const applying = Object.values(outcomes).some((o) => o.kind === 'applying');

  const change = async (addresses: string[], routed: boolean) => {
    if (addresses.length === 0) {
      return;
    }
    setSummary(undefined);
    setOutcomes((o) => ({ ...o, ...sameOutcome(addresses, { kind: 'applying' }) }));
    try {
      const answer = await api.changeRoutes({ domainId: domain.id, addresses, routed });
      const results = outcomesOf(answer.results);
      setOutcomes((o) => ({ ...o, ...results }));
      const refused = Object.values(results).filter((r) => r.kind === 'refused').length;
      setSummary({ changed: answer.results.length - refused, refused });
      onChanged(answer);
    } catch (e) {
      const message = asApiError(e).message;
      setOutcomes((o) => ({ ...o, ...sameOutcome(addresses, { kind: 'refused', message }) }));
      setSummary({ changed: 0, refused: addresses.length, failure: message });
      onUnknownState();
    }
  };

  const rows: AccountRow[] = filterAccounts(domain.accounts, filter).map((a) => ({
    ...a,
    key: a.address,
  }));

  const columns: ListProps<AccountRow>['columns'] = [
    {
      key: 'address',
      type: 'title',
      title: t('accounts.column.address'),
      render: (row) => <AddressCell account={row} />,
    },
    {
      key: 'kind',
      title: t('accounts.column.kind'),
      render: (row) =>
        t(row.kind === 'mailbox' ? 'accounts.kind.mailbox' : 'accounts.kind.forwarding'),
    },
    {
      key: 'routed',
      title: t('accounts.column.hosted'),
      type: 'controls',
      render: (row) => (
        <Switch
          checked={row.routed}
          loading={outcomes[row.address]?.kind === 'applying'}
          disabled={outcomes[row.address]?.kind === 'applying'}
          onChange={(checked) => void change([row.address], checked)}
        >
          {t('accounts.hostedSwitch')}
        </Switch>
      ),
    },
    {
      key: 'notes',
      title: t('accounts.column.notes'),
      render: (row) => <NotesCell account={row} outcome={outcomes[row.address]} />,
    },
  ];

  const emptyView = filter === 'all'
    ? <ListEmptyView title={t('accounts.empty')} />
    : <ListEmptyView reason="filtered" title={t('accounts.noneInFilter')} />;

  return (
    <Section title={t('accounts.title')}>
      {summary && <SummaryAlert summary={summary} />}
      <List<AccountRow>
        columns={columns}
        data={rows}
        vertical={false}
        filtered={filter !== 'all'}
        emptyView={emptyView}
        selection={selection}
        onSelectionChange={(keys) => setSelection(keys.map(String))}
        toolbar={
          <Toolbar>
            <ToolbarGroup title={t('accounts.bulkGroup')}>
              <Button
                disabled={selection.length === 0 || applying}
                onClick={() => void change(selection, true)}
              >
                {t('accounts.routeSelected')}
              </Button>
              <Button
                disabled={selection.length === 0 || applying}
                onClick={() => void change(selection, false)}
              >
                {t('accounts.unrouteSelected')}
              </Button>
            </ToolbarGroup>
            <ToolbarExpander />
            <SegmentedControl<AccountFilter>
              selected={filter}
              onChange={setFilter}
              buttons={[
                { value: 'all', title: t('accounts.filter.all') },
                { value: 'routed', title: t('accounts.filter.routed') },
                { value: 'local', title: t('accounts.filter.local') },
              ]}
            />
          </Toolbar>
        }
      />
    </Section>
  );
}

function sameOutcome(addresses: string[], outcome: RouteOutcome): Record<string, RouteOutcome> {
  return Object.fromEntries(addresses.map((a) => [a, outcome]));
}

function AddressCell({ account }: { account: MailAccount }) {
  const t = useTranslate();
  return (
    <>
      <div>{account.address}</div>
      {account.aliases.length > 0 && (
        <>
          {account.aliases.map((alias) => (
            <div key={alias}>
              <Text intent="muted">{t('accounts.alias', { alias })}</Text>
            </div>
          ))}
          <Text intent="muted" fontSize="sm">{t('accounts.aliasWhy')}</Text>
        </>
      )}
    </>
  );
}

interface NotesProps {
  account: MailAccount;
  outcome: RouteOutcome | undefined;
}

function NotesCell({ account, outcome }: NotesProps) {
  const t = useTranslate();
  return (
    <>
      {outcome?.kind === 'applying' && <Text intent="muted">{t('accounts.applying')}</Text>}
      {outcome?.kind === 'done' && (
        <Text intent="success">
          {t(outcome.routed ? 'accounts.nowRouted' : 'accounts.nowLocal')}
        </Text>
      )}
      {outcome?.kind === 'refused' && <Text intent="danger">{outcome.message}</Text>}
      {account.warning && (
        <div>
          <Text intent="warning">{account.warning.message}</Text>
        </div>
      )}
    </>
  );
}

function SummaryAlert({ summary }: { summary: Summary }) {
  const t = useTranslate();
  if (summary.failure !== undefined) {
    return <Alert intent="danger">{summary.failure}</Alert>;
  }
  if (summary.refused === 0) {
    return (
      <Alert intent="success">
        {t('accounts.summary.allChanged', { changed: summary.changed })}
      </Alert>
    );
  }
  return (
    <Alert intent="warning">
      {t('accounts.summary.someRefused', { changed: summary.changed, refused: summary.refused })}
    </Alert>
  );
}
