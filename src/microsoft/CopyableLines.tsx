import { Fragment, useState, type CSSProperties } from 'react';
import { Button, Text } from '@plesk/ui-library';
import { useTranslate } from '../i18n/TranslateContext';

// A long command wraps inside the block instead of running off the page; its continuation is
// indented, so that each command still reads as one line.
const WRAPPED: CSSProperties = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' };
const COMMAND: CSSProperties = { display: 'block', paddingLeft: '2em', textIndent: '-2em' };
// A break after a parameter's dash would read as "-" at the end of a line: never there.
const PARAMETER: CSSProperties = { whiteSpace: 'nowrap' };

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
      <pre className="m365-split-delivery__code" style={WRAPPED}>
        {lines.map((line, index) => (
          // The newline stays in the text: selecting the block by hand copies the lines as shown.
          <span key={index} style={COMMAND}>
            <CommandWords line={line} />
            {index < lines.length - 1 && '\n'}
          </span>
        ))}
      </pre>
      <Button icon="copy" onClick={() => void copy()}>{t('microsoft.copy')}</Button>{' '}
      {copied === 'yes' && <Text intent="success">{t('microsoft.copied')}</Text>}
      {copied === 'failed' && <Text intent="warning">{t('microsoft.copyFailed')}</Text>}
    </div>
  );
}

function CommandWords({ line }: { line: string }) {
  return line.split(' ').map((word, index) => (
    <Fragment key={index}>
      {index > 0 && ' '}
      {word.startsWith('-') ? <span style={PARAMETER}>{word}</span> : word}
    </Fragment>
  ));
}
