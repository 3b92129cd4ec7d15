/** The whole page: the language, the API, and the screen the URL hash names. */
import { useMemo } from 'react';
import { Tab, Tabs } from '@plesk/ui-library';
import { ApiProvider, useApi } from '../api/ApiContext';
import { createPanelApi } from '../api/PanelApi';
import { DomainScreen } from '../domain/DomainScreen';
import { DomainsScreen } from '../domains/DomainsScreen';
import { CATALOGUES, languageOf, type Language } from '../i18n/languageOf';
import { TranslateProvider, useTranslate } from '../i18n/TranslateContext';
import { createTranslate } from '../i18n/translate';
import { StatusScreen } from '../status/StatusScreen';
import { hashOf, type Route } from './route';
import { useApiResource } from './useApiResource';
import { useHashRoute } from './useHashRoute';

export interface AppProps {
  /** The extension's URL inside the panel; the API lives under `${baseUrl}/api/`. */
  baseUrl: string;
  /** Plesk's locale of the user, e.g. `de-DE`. */
  locale: string;
}

export function App({ baseUrl, locale }: AppProps) {
  const language = languageOf(locale);
  const t = useMemo(() => createTranslate(CATALOGUES[language]), [language]);
  const api = useMemo(() => createPanelApi(baseUrl, t), [baseUrl, t]);

  return (
    <TranslateProvider value={t}>
      <ApiProvider value={api}>
        <Screens language={language} />
      </ApiProvider>
    </TranslateProvider>
  );
}

function Screens({ language }: { language: Language }) {
  const api = useApi();
  const t = useTranslate();
  const route = useHashRoute();
  // Asked once for every user: its `forbidden` answer is how the page learns to hide the tab.
  const status = useApiResource(() => api.status(), [api]);
  const statusHidden = status.error?.code === 'forbidden';

  const go = (to: Route) => {
    window.location.hash = hashOf(to);
  };

  return (
    <div className="m365-split-delivery">
      <Tabs active={route.screen === 'status' ? 2 : 1}>
        {[
          <Tab
            key="domains"
            title={t('tab.domains')}
            onActivate={() => go({ screen: 'domains' })}
          />,
          ...(statusHidden
            ? []
            : [
              <Tab
                key="status"
                title={t('tab.status')}
                onActivate={() => go({ screen: 'status' })}
              />,
            ]),
        ]}
      </Tabs>
      {route.screen === 'domains' && <DomainsScreen />}
      {route.screen === 'domain' && <DomainScreen key={route.domainId} domainId={route.domainId} />}
      {route.screen === 'status' && <StatusScreen status={status} locale={language} />}
    </div>
  );
}
