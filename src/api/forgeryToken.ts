/** Plesk's forgery protection token, as the panel page publishes it in a meta tag. */
export function forgeryToken(doc: Document = document): string {
  return doc.querySelector('meta[name="forgery_protection_token"]')?.getAttribute('content') ?? '';
}
