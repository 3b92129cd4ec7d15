// Stands in for react/jsx-runtime in the panel bundle. React's own runtime reads React's
// private internals, which the panel's combined plesk-ui-library module may not carry intact
// (React and ReactDOM each export an object under the same private name); createElement is
// public API, so the bundle needs nothing else of React.
import { Fragment, createElement, type ElementType, type Key } from 'react';

export function jsx(type: ElementType, props: Record<string, unknown>, key?: Key) {
  return createElement(type, key === undefined ? props : { ...props, key });
}

export { Fragment, jsx as jsxs };
