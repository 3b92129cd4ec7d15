/** The screens of the page, addressed by the URL hash (`#/`, `#/domain/<id>`, `#/status`). */
import type { DomainId } from '../api/types';

export type Route =
  | { screen: 'domains' }
  | { screen: 'domain'; domainId: DomainId }
  | { screen: 'status' };

/** The screen a hash names; anything unknown shows the domains. */
export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const domain = /^\/domain\/(\d+)\/?$/.exec(path);
  if (domain?.[1] !== undefined) {
    return { screen: 'domain', domainId: Number(domain[1]) };
  }
  if (/^\/status\/?$/.test(path)) {
    return { screen: 'status' };
  }
  return { screen: 'domains' };
}

export function hashOf(route: Route): string {
  switch (route.screen) {
    case 'domain':
      return `#/domain/${route.domainId}`;
    case 'status':
      return '#/status';
    case 'domains':
      return '#/';
  }
}
