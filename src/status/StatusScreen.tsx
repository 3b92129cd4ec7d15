/** The server-wide state of the transport map (admins only), and "Re-apply now". */
import { useState } from 'react';
import {
  Alert,
  Button,
  ContentLoader,
  List,
  Paragraph,
  Status,
  Text,
  type ListProps,
} from '@plesk/ui-library';
import { useApi } from '../api/ApiContext';
import type { ApiError } from '../api/ApiError';
import type { LastApply, MapIndexState, TransportMapStatus } from '../api/types';
import { asApiError, type ApiResource } from '../app/useApiResource';
import type { MessageKey } from '../locales/en';
import { useTranslate } from '../i18n/TranslateContext';
import { formatUtcTime } from './formatUtcTime';

type IndexLook = { intent: 'success' | 'warning' | 'danger'; text: MessageKey };

const INDEX: Record<MapIndexState, IndexLook> = {
  fresh: { intent: 'success', text: 'status.index.fresh' },
  stale: { intent: 'warning', text: 'status.index.stale' },
  missing: { intent: 'danger', text: 'status.index.missing' },
};

interface Row {
  key: string;
  label: string;
  value: React.ReactNode;
}

interface Props {
  status: ApiResource<TransportMapStatus>;
  /** The language of the page, for dates. */
  locale: string;
}

export function StatusScreen({ status, locale }: Props) {
  const api = useApi();
  const t = useTranslate();
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState(false);
  const [applyError, setApplyError] = useState<ApiError | undefined>(undefined);

  if (status.error?.code === 'forbidden') {
    return <Alert intent="warning">{t('status.forbidden')}</Alert>;
  }
  if (!status.data) {
    return status.error
      ? <Alert intent="danger">{status.error.message}</Alert>
      : <ContentLoader text={t('status.loading')} />;
  }

  const reapply = async () => {
    setApplying(true);
    setApplied(false);
    setApplyError(undefined);
    try {
      const answer = await api.apply();
      status.replace(() => answer);
      setApplied(true);
    } catch (e) {
      setApplyError(asApiError(e));
    } finally {
      setApplying(false);
    }
  };

  const s = status.data;
  const index = INDEX[s.index];
  const rows: Row[] = [
    {
      key: 'first',
      label: t('status.first'),
      value: s.first
        ? <Status intent="success">{t('status.first.yes')}</Status>
        : <Status intent="danger">{t('status.first.no')}</Status>,
    },
    { key: 'path', label: t('status.path'), value: <code>{s.path}</code> },
    { key: 'type', label: t('status.type'), value: s.type },
    { key: 'routes', label: t('status.routes'), value: String(s.routes) },
    {
      key: 'index',
      label: t('status.index'),
      value: <Status intent={index.intent}>{t(index.text)}</Status>,
    },
    { key: 'sha256', label: t('status.sha256'), value: <code>{s.sha256}</code> },
    {
      key: 'lastApply',
      label: t('status.lastApply'),
      value: <LastApplyValue lastApply={s.lastApply} locale={locale} />,
    },
  ];
  const columns: ListProps<Row>['columns'] = [
    { key: 'label', title: t('status.column.what'), type: 'title' },
    { key: 'value', title: t('status.column.value') },
  ];

  return (
    <>
      {status.error && <Alert intent="danger">{status.error.message}</Alert>}
      <List<Row> columns={columns} data={rows} vertical={false} />
      <Paragraph>
        <Button
          intent="primary"
          {...(applying ? { state: 'loading' as const } : {})}
          onClick={() => void reapply()}>
          {t('status.reapply')}
        </Button>{' '}
        {applying && <Text intent="muted">{t('status.reapplying')}</Text>}
      </Paragraph>
      {applied && <Alert intent="success">{t('status.reapplied')}</Alert>}
      {applyError && <Alert intent="danger">{applyError.message}</Alert>}
    </>
  );
}

function LastApplyValue({ lastApply, locale }: { lastApply: LastApply | null; locale: string }) {
  const t = useTranslate();
  if (lastApply === null) {
    return <Text intent="muted">{t('status.lastApply.never')}</Text>;
  }
  const params = { at: formatUtcTime(lastApply.at, locale), message: lastApply.message };
  return lastApply.ok
    ? <Status intent="success">{t('status.lastApply.ok', params)}</Status>
    : <Status intent="danger">{t('status.lastApply.failed', params)}</Status>;
}
