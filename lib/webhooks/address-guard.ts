import dns from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { env } from "../env";

// Webhook URLs are chosen by API clients, and Parley's servers call them: without this guard
// an endpoint could point at the cloud metadata service, the database or anything else on
// the private network (SSRF). Special-purpose ranges from the IANA registries are refused.
const nonPublic = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata at 169.254.169.254)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) nonPublic.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 96], // unspecified, loopback, IPv4-compatible (IPv4-mapped ones, ::ffff:0:0/96, are checked as IPv4)
  ["::ffff:0:0:0", 96], // IPv4-translated (SIIT): would reach any IPv4 address, private ones included
  ["64:ff9b::", 96], // NAT64: would reach any IPv4 address, private ones included
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard
  ["2001::", 32], // Teredo
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4: embeds an IPv4 address
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) nonPublic.addSubnet(net, prefix, "ipv6");

/** True for an address on the public internet; false for private, loopback, link-local and the like. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !nonPublic.check(address, family === 6 ? "ipv6" : "ipv4");
}

export const privateUrlsAllowed = () => env().WEBHOOKS_ALLOW_PRIVATE_URLS;

export class UnsafeDestinationError extends Error {
  name = "UnsafeDestinationError";
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * Every address the URL's host resolves to must be public (unless private URLs are allowed).
 * Checked at registration; at delivery the same check runs inside the connection's own
 * lookup (guardedLookup), so a name that changes its answer later (DNS rebinding) is caught
 * on the address actually used.
 */
export async function assertPublicDestination(url: URL): Promise<void> {
  if (privateUrlsAllowed()) return;
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new UnsafeDestinationError(`The host ${host} does not resolve.`);
    }
  }
  const refused = addresses.find((a) => !isPublicAddress(a));
  if (refused) throw new UnsafeDestinationError(`The host ${host} resolves to a private, loopback or link-local address (${refused}).`);
}

/** A `lookup` for node:http(s) that refuses non-public answers at connection time. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 0);
    const refused = privateUrlsAllowed() ? undefined : addresses.find((a) => !isPublicAddress(a.address));
    if (refused || !addresses.length) {
      const error = new UnsafeDestinationError(`The host ${hostname} resolves to a private, loopback or link-local address (${refused?.address ?? "none"}).`);
      return callback(error as NodeJS.ErrnoException, "", 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
