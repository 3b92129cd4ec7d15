import { createContext, useContext } from 'react';
import { en } from '../locales/en';
import { createTranslate, type Translate } from './translate';

const TranslateContext = createContext<Translate>(createTranslate(en));

export const TranslateProvider = TranslateContext.Provider;

/** The Translate of the user's language. */
export function useTranslate(): Translate {
  return useContext(TranslateContext);
}
