import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { FeedError } from "./errors.js";

// Loopback, private, link-local (which holds 169.254.169.254), CGNAT (Alibaba's 100.100.100.200),
// unique-local IPv6 (which holds AWS's fd00:ec2::254) and other addresses no public feed lives on.
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

// NAT64 (64:ff9b::/96) reaches the IPv4 address in its last 32 bits. BlockList already
// treats IPv4-mapped addresses (::ffff:a.b.c.d) as their IPv4 address.
const nat64 = /^64:ff9b::(?:([0-9a-f]{1,4}):([0-9a-f]{1,4})|(\d+\.\d+\.\d+\.\d+))$/i;

function embeddedIPv4(address: string): string | undefined {
  const match = nat64.exec(address);
  if (!match) return undefined;
  if (match[3]) return match[3];
  const value = (Number.parseInt(match[1] ?? "0", 16) << 16) | Number.parseInt(match[2] ?? "0", 16);
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join(".");
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return false;
  const inner = embeddedIPv4(address);
  return blocked.check(address, "ipv6") || (inner !== undefined && blocked.check(inner, "ipv4"));
}

export const refusedPrivate = (): FeedError =>
  new FeedError("refused", "refused: resolves to a private address");

/**
 * A `lookup` for outgoing connections that refuses private addresses. It runs when the socket
 * connects, so a host whose DNS answer changes after an earlier check (rebinding) is still caught.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    if (addresses.length === 0 || addresses.some((entry) => isPrivateAddress(entry.address))) {
      return callback(refusedPrivate(), "", 0);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses as [LookupAddress];
    callback(null, first.address, first.family);
  });
};

/** Parses a URL and refuses other schemes and literal private IPs; host names are vetted at connect time. */
export function checkTarget(raw: string, allowPrivateHosts: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FeedError("invalid-url", "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FeedError("invalid-url", "refused: only http and https URLs are allowed");
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!allowPrivateHosts && isIP(host) && isPrivateAddress(host)) throw refusedPrivate();
  return url;
}
