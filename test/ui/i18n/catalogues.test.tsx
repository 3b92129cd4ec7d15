/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { languageOf } from '../../../src/i18n/languageOf';
import { createTranslate } from '../../../src/i18n/translate';
import { de } from '../../../src/locales/de';
import { en } from '../../../src/locales/en';
import { FakePanelServer, success } from '../support/fakePanelServer';
import { exampleCom, exampleComDetail, mapStatus } from '../support/fixtures';
import { renderApp } from '../support/renderApp';

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

test('German has every English key, none empty, with the same placeholders', () => {
  expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  for (const [key, text] of Object.entries(en)) {
    const german = de[key as keyof typeof en];
    expect({ key, empty: german.trim() === '' }).toEqual({ key, empty: false });
    expect({ key, placeholders: placeholders(german) }).toEqual({ key, placeholders: placeholders(text) });
  }
});

test.each([
  ['de', 'de'],
  ['de-DE', 'de'],
  ['de_DE', 'de'],
  ['de-AT', 'de'],
  ['en-US', 'en'],
  ['fr-FR', 'en'],
  ['', 'en'],
])('the locale %j is shown in %s', (locale, language) => {
  expect(languageOf(locale)).toBe(language);
});

test('placeholders are filled in, unknown ones stay visible', () => {
  const t = createTranslate(en);
  expect(t('domains.routedOfTotal', { routed: 3, total: 7 })).toBe('3 of 7');
  expect(t('domains.routedOfTotal', { routed: 3 })).toBe('3 of {total}');
});

test('a German user sees the page in German', async () => {
  const fake = new FakePanelServer();
  fake.on('GET', 'status', success(mapStatus));
  fake.on('GET', 'domains', success({ items: [exampleCom], total: 1 }));
  fake.on('GET', 'domain', success(exampleComDetail()));
  fake.install();

  renderApp('#/domain/1', 'de_DE');

  expect(await screen.findByText('Next Hop bei Microsoft 365')).toBeInTheDocument();
  expect(screen.getByRole('tab', { name: 'Serverstatus' })).toBeInTheDocument();
  expect(screen.getByText('Synchron')).toBeInTheDocument();
  expect(screen.getAllByRole('checkbox', { name: 'Bei Microsoft 365 gehostet' })).toHaveLength(5);
  expect(screen.getByText('Auflösbar: ja')).toBeInTheDocument();
  expect(screen.getByText('Alias von bob@example.com')).toBeInTheDocument();
  expect(screen.getByText(
    'Aliasse lassen sich nicht einzeln umschalten: E-Mail an einen Alias geht an sein Postfach, '
    + 'wo immer dieses gehostet ist.',
  )).toBeInTheDocument();
});
