import { useEffect, useState } from 'react';
import { routeFromHash, type Route } from './route';

/** The route of the current URL hash, following back/forward and links. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => routeFromHash(window.location.hash));

  useEffect(() => {
    const follow = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  return route;
}
