/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakePanelServer, success } from '../support/fakePanelServer';
import { exampleCom, exampleComDetail, mapStatus } from '../support/fixtures';
import { renderApp } from '../support/renderApp';

let fake: FakePanelServer;

beforeEach(() => {
  fake = new FakePanelServer();
  fake.on('GET', 'status', success(mapStatus));
  fake.on('GET', 'domains', success({ items: [exampleCom], total: 1 }));
  fake.on('GET', 'domain', success(exampleComDetail()));
  fake.install();
});

test('a click on a domain opens it, and "All domains" leads back', async () => {
  renderApp('#/');

  await userEvent.click(await screen.findByRole('link', { name: 'example.com' }));

  expect(await screen.findByText('alice@example.com')).toBeInTheDocument();
  expect(window.location.hash).toBe('#/domain/1');
  await userEvent.click(screen.getByRole('link', { name: 'All domains' }));
  expect(await screen.findByRole('link', { name: 'example.com' })).toBeInTheDocument();
  expect(window.location.hash).toBe('#/');
});

test('the tabs switch between domains and the server status', async () => {
  renderApp('#/');
  await screen.findByRole('link', { name: 'example.com' });

  await userEvent.click(screen.getByRole('tab', { name: 'Server status' }));

  expect(await screen.findByText('Re-apply now')).toBeInTheDocument();
  expect(window.location.hash).toBe('#/status');
});

test('an unknown address shows the domains', async () => {
  renderApp('#/no/such/screen');

  expect(await screen.findByRole('link', { name: 'example.com' })).toBeInTheDocument();
});
