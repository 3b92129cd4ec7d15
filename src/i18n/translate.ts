import type { MessageKey, Catalogue } from '../locales/en';

export type MessageParams = Record<string, string | number>;

/** Looks a message up and fills its `{name}` placeholders. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A Translate over one catalogue; a placeholder without a value stays visible as written. */
export function createTranslate(catalogue: Catalogue): Translate {
  return (key, params = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params[name];
      return value === undefined ? placeholder : String(value);
    });
}
