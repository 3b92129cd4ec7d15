/** @jest-environment jsdom */
import { isPrivateAddress } from '../../../src/microsoft/isPrivateAddress';

test.each([
  ['10.1.2.3', true],
  ['172.16.0.1', true],
  ['172.31.255.255', true],
  ['172.32.0.1', false],
  ['192.168.1.20', true],
  ['127.0.0.1', true],
  ['169.254.1.1', true],
  ['100.64.0.1', true],
  ['203.0.113.10', false],
  ['8.8.8.8', false],
  ['::1', true],
  ['fd00::5', true],
  ['fe80::1', true],
  ['::ffff:10.0.0.1', true],
  ['2001:db8::10', false],
])('%s is private: %s', (address, expected) => {
  expect(isPrivateAddress(address)).toBe(expected);
});
