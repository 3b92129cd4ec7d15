import { createContext, useContext } from 'react';
import type { PanelApi } from './PanelApi';

const ApiContext = createContext<PanelApi | undefined>(undefined);

export const ApiProvider = ApiContext.Provider;

/** The JSON API of this page; App provides it. */
export function useApi(): PanelApi {
  const api = useContext(ApiContext);
  if (!api) {
    throw new Error('useApi: no ApiProvider above this component');
  }
  return api;
}
