import { de } from '../locales/de';
import { en, type Catalogue } from '../locales/en';

export type Language = 'en' | 'de';

export const CATALOGUES: Record<Language, Catalogue> = { en, de };

/** German for Plesk's `de`, `de-DE`, `de_DE` (any region); English for everything else. */
export function languageOf(locale: string): Language {
  return locale.trim().toLowerCase().split(/[-_]/)[0] === 'de' ? 'de' : 'en';
}
