/** The domain's next hop: the MX value pasted from the admin center, checked by the server. */
import { useState } from 'react';
import {
  Alert,
  Button,
  FormFieldText,
  Label,
  type LabelIntent,
  Paragraph,
  Section,
  StatusMessage,
  Text,
} from '@plesk/ui-library';
import { useApi } from '../api/ApiContext';
import type { ApiError } from '../api/ApiError';
import type { DomainDetail, SavedNextHop } from '../api/types';
import { asApiError } from '../app/useApiResource';
import type { MessageKey } from '../locales/en';
import { useTranslate } from '../i18n/TranslateContext';

interface Props {
  domain: DomainDetail;
  onSaved: (saved: SavedNextHop) => void;
}

export function NextHopSection({ domain, onSaved }: Props) {
  const api = useApi();
  const t = useTranslate();
  const [value, setValue] = useState(domain.nextHop ?? '');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SavedNextHop | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  const save = async () => {
    setSaving(true);
    setSaved(undefined);
    setError(undefined);
    try {
      const answer = await api.saveNextHop(domain.id, value);
      setValue(answer.nextHop ?? '');
      setSaved(answer);
      onSaved(answer);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };

  const fieldError = error?.field === 'value' ? error.message : undefined;
  const guess = domain.nextHopGuess;

  return (
    <Section title={t('nextHop.title')}>
      {domain.nextHop === null ? (
        <StatusMessage intent="warning">{t('nextHop.notSet')}</StatusMessage>
      ) : (
        <Paragraph>
          {t('nextHop.current', { host: domain.nextHop })}{' '}
          <ResolvesLabel resolves={domain.nextHopResolves} />
        </Paragraph>
      )}
      <FormFieldText
        id="m365-split-delivery-next-hop"
        name="nextHop"
        label={t('nextHop.fieldLabel')}
        description={t('nextHop.whereToFind')}
        value={value}
        onChange={(next: string) => setValue(next)}
        size="xl"
        placeholder={t('nextHop.placeholder')}
        {...(fieldError === undefined ? {} : { errors: { invalid: fieldError } })}
      />
      {guess !== null && guess !== domain.nextHop && (
        <Paragraph>
          <Text intent="muted">{t('nextHop.guess', { host: guess })}</Text>{' '}
          <Button onClick={() => setValue(guess)}>{t('nextHop.useGuess')}</Button>
        </Paragraph>
      )}
      <Paragraph>
        <Button
          intent="primary"
          {...(saving ? { state: 'loading' as const } : {})}
          disabled={value.trim() === ''}
          onClick={() => void save()}
        >
          {t('nextHop.save')}
        </Button>
      </Paragraph>
      {saving && <Text intent="muted">{t('nextHop.saving')}</Text>}
      {saved && (
        <StatusMessage intent="success">
          {t('nextHop.saved', { host: saved.nextHop ?? '' })}{' '}
          <ResolvesLabel resolves={saved.resolves} />
        </StatusMessage>
      )}
      {error && fieldError === undefined && <Alert intent="danger">{error.message}</Alert>}
    </Section>
  );
}

const RESOLVES: Record<'yes' | 'no' | 'unknown', { intent: LabelIntent; text: MessageKey }> = {
  yes: { intent: 'success', text: 'nextHop.resolves.yes' },
  no: { intent: 'danger', text: 'nextHop.resolves.no' },
  unknown: { intent: 'warning', text: 'nextHop.resolves.unknown' },
};

function ResolvesLabel({ resolves }: { resolves: boolean | null }) {
  const t = useTranslate();
  const look = RESOLVES[resolves === null ? 'unknown' : resolves ? 'yes' : 'no'];
  return <Label intent={look.intent}>{t(look.text)}</Label>;
}
