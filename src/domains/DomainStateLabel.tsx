import { Label, type LabelIntent } from '@plesk/ui-library';
import type { DomainState } from '../api/types';
import type { MessageKey } from '../locales/en';
import { useTranslate } from '../i18n/TranslateContext';

const LOOK: Record<DomainState, { intent: LabelIntent; text: MessageKey }> = {
  'in-sync': { intent: 'success', text: 'state.inSync' },
  pending: { intent: 'warning', text: 'state.pending' },
  attention: { intent: 'danger', text: 'state.attention' },
};

/** A domain's routing state in words and colour. */
export function DomainStateLabel({ state }: { state: DomainState }) {
  const t = useTranslate();
  const look = LOOK[state];
  return <Label intent={look.intent}>{t(look.text)}</Label>;
}
