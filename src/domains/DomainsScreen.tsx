/** The domains the user may manage, searched, sorted and paged by the server. */
import { useState } from 'react';
import {
  Alert,
  ContentLoader,
  List,
  ListEmptyView,
  Pagination,
  SearchBar,
  Text,
  Toolbar,
  ToolbarExpander,
  type ListProps,
} from '@plesk/ui-library';
import { useApi } from '../api/ApiContext';
import type { DomainQuery, DomainSummary } from '../api/types';
import { hashOf } from '../app/route';
import { useApiResource } from '../app/useApiResource';
import { useTranslate } from '../i18n/TranslateContext';
import { DomainStateLabel } from './DomainStateLabel';
import { listFromSort, sortFromList } from './sortOrder';

const PAGE_SIZES = [25, 100];

type DomainRow = DomainSummary & { key: string };

export function DomainsScreen() {
  const api = useApi();
  const t = useTranslate();
  const [query, setQuery] = useState<DomainQuery>({
    search: '',
    page: 1,
    pageSize: 25,
    sort: 'name',
  });
  const domains = useApiResource(() => api.domains(query), [api, query]);

  const rows: DomainRow[] = (domains.data?.items ?? []).map((d) => ({ ...d, key: String(d.id) }));
  const totalRows = domains.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(totalRows / query.pageSize));
  const sort = listFromSort(query.sort);

  const columns: ListProps<DomainRow>['columns'] = [
    {
      key: 'name',
      type: 'title',
      title: t('domains.column.name'),
      sortable: true,
      render: (row) => <a href={hashOf({ screen: 'domain', domainId: row.id })}>{row.name}</a>,
    },
    {
      key: 'nextHop',
      title: t('domains.column.nextHop'),
      render: (row) =>
        row.nextHop ?? <Text intent="muted">{t('domains.nextHopNotSet')}</Text>,
    },
    {
      key: 'routed',
      title: t('domains.column.routed'),
      sortable: true,
      render: (row) => t('domains.routedOfTotal', { routed: row.routed, total: row.total }),
    },
    {
      key: 'state',
      title: t('domains.column.state'),
      sortable: true,
      render: (row) => <DomainStateLabel state={row.state} />,
    },
  ];

  const emptyView = query.search === ''
    ? <ListEmptyView title={t('domains.empty')} />
    : <ListEmptyView reason="filtered" title={t('domains.noMatch', { search: query.search })} />;

  if (!domains.data) {
    return domains.error
      ? <Alert intent="danger">{domains.error.message}</Alert>
      : <ContentLoader text={t('domains.loading')} />;
  }

  return (
    <>
      {domains.error && <Alert intent="danger">{domains.error.message}</Alert>}
      <List<DomainRow>
        columns={columns}
        data={rows}
        vertical={false}
        loading={domains.loading}
        filtered={query.search !== ''}
        emptyView={emptyView}
        sortColumn={sort.column}
        sortDirection={sort.direction}
        onSortChange={({ sortColumn, sortDirection }) =>
          setQuery((q) => ({ ...q, page: 1, sort: sortFromList(sortColumn, sortDirection) }))}
        totalRows={totalRows}
        pagination={
          <Pagination
            total={pages}
            current={query.page}
            onSelect={(page) => setQuery((q) => ({ ...q, page }))}
            itemsPerPage={query.pageSize}
            itemsPerPageOptions={PAGE_SIZES}
            onItemsPerPageChange={(size) =>
              setQuery((q) => ({ ...q, page: 1, pageSize: size === 'all' ? q.pageSize : size }))}
          />
        }
        toolbar={
          <Toolbar>
            <ToolbarExpander />
            <SearchBar
              inputProps={{ placeholder: t('domains.searchPlaceholder') }}
              onSearch={(search) => setQuery((q) => ({ ...q, page: 1, search: search.trim() }))}
            />
          </Toolbar>
        }
      />
    </>
  );
}
