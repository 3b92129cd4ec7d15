import { useState } from 'react';
import { Button, Text } from '@plesk/ui-library';
import { useTranslate } from '../i18n/TranslateContext';

/** Lines to copy into a console, with a button that copies them all. */
export function CopyableLines({ lines }: { lines: string[] }) {
  const t = useTranslate();
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>(undefined);
  const text = lines.join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // No clipboard (old browser, no permission): the user copies by hand, told so below.
      setCopied('failed');
    }
  };

  return (
    <div>
      <pre className="m365-split-delivery__code">{text}</pre>
      <Button icon="copy" onClick={() => void copy()}>{t('microsoft.copy')}</Button>{' '}
      {copied === 'yes' && <Text intent="success">{t('microsoft.copied')}</Text>}
      {copied === 'failed' && <Text intent="warning">{t('microsoft.copyFailed')}</Text>}
    </div>
  );
}
