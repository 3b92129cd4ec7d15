/** Renders the whole page at a URL hash, as the panel would start it. */
import '@testing-library/jest-dom';
import { render, type RenderResult } from '@testing-library/react';
import { App } from '../../../src/app/App';

export const BASE_URL = '/modules/m365-split-delivery';
export const TOKEN = 'token-4f2a9c';

/**
 * jsdom 26 follows a click on an `<a>` without href as a link to "" (the page without its
 * hash); browsers do nothing, as the HTML standard says. The ui-library's tabs are such
 * anchors, so the tests restore the browsers' behaviour.
 */
function ignoreClicksOnAnchorsWithoutHref(): void {
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('a:not([href])')) {
      event.preventDefault();
    }
  });
}
ignoreClicksOnAnchorsWithoutHref();

export function renderApp(hash: string, locale = 'en-US'): RenderResult {
  document.head.innerHTML = `<meta name="forgery_protection_token" content="${TOKEN}">`;
  window.location.hash = hash;
  return render(<App baseUrl={BASE_URL} locale={locale} />);
}
