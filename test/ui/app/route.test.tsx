/** @jest-environment jsdom */
import { hashOf, routeFromHash } from '../../../src/app/route';

test.each([
  ['', { screen: 'domains' }],
  ['#/', { screen: 'domains' }],
  ['#/domain/42', { screen: 'domain', domainId: 42 }],
  ['#/domain/42/', { screen: 'domain', domainId: 42 }],
  ['#/domain/x', { screen: 'domains' }],
  ['#/status', { screen: 'status' }],
])('the hash %j names %j', (hash, route) => {
  expect(routeFromHash(hash)).toEqual(route);
});

test('each route has the hash that names it', () => {
  expect(hashOf({ screen: 'domain', domainId: 7 })).toBe('#/domain/7');
  expect(hashOf({ screen: 'status' })).toBe('#/status');
  expect(hashOf({ screen: 'domains' })).toBe('#/');
});
