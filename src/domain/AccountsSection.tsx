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
import type { DomainDetail, RouteChange } from '../api/types';
import { asApiError } from '../app/useApiResource';
import { useTranslate } from '../i18n/TranslateContext';
import { filterAccounts, type AccountFilter } from './accountFilter';
import { accountRows, type AccountRow } from './accountRows';
import { outcomesOf, type RouteOutcome } from './routeOutcome';

interface Props {
  domain: DomainDetail;
  onChanged: (change: RouteChange) => void;
  /** Called when a change failed as a whole: what is in force must be asked again. */
  onUnknownState: () => void;
}

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

  // An alias is filtered with its mailbox: that is where its mail goes.
  const rows = accountRows(filterAccounts(domain.accounts, filter));

  const columns: ListProps<AccountRow>['columns'] = [
    {
      key: 'address',
      type: 'title',
      title: t('accounts.column.address'),
      render: (row) => row.address,
    },
    {
      key: 'kind',
      title: t('accounts.column.kind'),
      render: (row) => <KindCell row={row} />,
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
      render: (row) => <NotesCell row={row} outcome={outcomes[row.address]} />,
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

function KindCell({ row }: { row: AccountRow }) {
  const t = useTranslate();
  if (row.aliasOf !== null) {
    return <>{t('accounts.kind.alias', { mailbox: row.aliasOf })}</>;
  }
  return <>{t(row.kind === 'mailbox' ? 'accounts.kind.mailbox' : 'accounts.kind.forwarding')}</>;
}

interface NotesProps {
  row: AccountRow;
  outcome: RouteOutcome | undefined;
}

function NotesCell({ row, outcome }: NotesProps) {
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
      {row.warning && (
        <div>
          <Text intent="warning">{row.warning.message}</Text>
        </div>
      )}
      {row.kind === 'alias' && (
        <div>
          <Text intent="warning">{t('accounts.aliasWhy')}</Text>
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
