/** Renders the whole page at a URL hash, as the panel would start it. */
import '@testing-library/jest-dom';
import { render, type RenderResult } from '@testing-library/react';
import { App } from '../../../src/app/App';

export const BASE_URL = '/modules/m365-split-delivery';
export const TOKEN = 'token-4f2a9c';

export function renderApp(hash: string, locale = 'en-US'): RenderResult {
  document.head.innerHTML = `<meta name="forgery_protection_token" content="${TOKEN}">`;
  window.location.hash = hash;
  return render(<App baseUrl={BASE_URL} locale={locale} />);
}
