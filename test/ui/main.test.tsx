/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act } from 'react';
import { screen } from '@testing-library/react';
import start from '../../src/main';
import { FakePanelServer, success } from './support/fakePanelServer';
import { exampleCom, mapStatus } from './support/fixtures';

test('the default export starts the page in its mount point', async () => {
  const fake = new FakePanelServer();
  fake.on('GET', 'status', success(mapStatus)).on('GET', 'domains', success({ items: [exampleCom], total: 1 }));
  fake.install();
  document.body.innerHTML = '<div id="m365-split-delivery"></div>';

  act(() => start({ moduleId: 'm365-split-delivery', baseUrl: '/modules/m365-split-delivery', locale: 'en' }));

  expect(await screen.findByRole('link', { name: 'example.com' })).toBeInTheDocument();
  expect(fake.requests.map((r) => r.call).sort()).toEqual(['domains', 'status']);
});

test('without its mount point it says what is missing', () => {
  document.body.innerHTML = '';

  expect(() => start({ moduleId: 'm365-split-delivery', baseUrl: '/x', locale: 'en' })).toThrow(
    'Microsoft 365 Split Delivery: the page has no element #m365-split-delivery to start in',
  );
});
