/** The bundle's entry: the panel page calls the default export once its mount point exists. */
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

export interface PageOptions {
  moduleId: string;
  baseUrl: string;
  locale: string;
}

export const MOUNT_ID = 'm365-split-delivery';

export default function start({ baseUrl, locale }: PageOptions): void {
  const mount = document.getElementById(MOUNT_ID);
  if (!mount) {
    throw new Error(
      `Microsoft 365 Split Delivery: the page has no element #${MOUNT_ID} to start in`,
    );
  }
  createRoot(mount).render(<App baseUrl={baseUrl} locale={locale} />);
}
