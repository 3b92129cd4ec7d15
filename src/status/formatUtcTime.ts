/**
 * An ISO 8601 time for people, in UTC so that it reads the same as the server's logs whatever
 * the browser's zone; an unreadable value is shown as the server sent it.
 */
export function formatUtcTime(iso: string, locale: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) {
    return iso;
  }
  const language = locale;
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  };
  try {
    return `${new Intl.DateTimeFormat(language, options).format(time)} UTC`;
  } catch {
    // A locale tag Intl does not know: fall back to English rather than fail the screen.
    return `${new Intl.DateTimeFormat('en', options).format(time)} UTC`;
  }
}
