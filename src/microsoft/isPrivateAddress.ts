/**
 * Whether an IP address is private, loopback, link-local or shared (CGNAT): Microsoft never sees
 * mail come from such an address, so the inbound connector names none of them.
 */
export function isPrivateAddress(address: string): boolean {
  const text = address.trim().toLowerCase();
  return text.includes(':') ? isPrivateIpv6(text) : isPrivateIpv4(text);
}

function isPrivateIpv4(text: string): boolean {
  const octets = text.split('.').map(Number);
  const [a = -1, b = -1] = octets;
  return a === 10
    || a === 127
    || a === 0
    || (a === 172 && b >= 16 && b <= 31)
    || (a === 192 && b === 168)
    || (a === 169 && b === 254)
    || (a === 100 && b >= 64 && b <= 127);
}

function isPrivateIpv6(text: string): boolean {
  if (text === '::1' || text === '::') {
    return true;
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped?.[1] !== undefined) {
    return isPrivateIpv4(mapped[1]);
  }
  const first = parseInt(text.split(':')[0] ?? '', 16);
  // fc00::/7 unique local, fe80::/10 link-local.
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}
