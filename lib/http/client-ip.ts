import { isIPv4, isIPv6 } from "node:net";
import { env } from "../env";

/** The 64-bit network prefix of an IPv6 address: one subscriber usually holds a whole /64. */
function ipv6Prefix(address: string): string {
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

/**
 * The client's address as the nearest trusted proxy recorded it: the X-Forwarded-For entry
 * TRUSTED_PROXY_HOPS places from the right (Next itself fills the header with the socket's
 * address when no proxy did). IPv6 clients are grouped by /64. Null when there is none.
 */
export function clientAddress(headers: Headers, hops = env().TRUSTED_PROXY_HOPS): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  let address = entries[Math.max(0, entries.length - hops)];
  if (!address) return null;
  if (address.startsWith("[")) address = address.slice(1, address.indexOf("]"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  if (isIPv4(address)) return address;
  if (isIPv6(address.split("%")[0]!)) return ipv6Prefix(address.split("%")[0]!.toLowerCase());
  return null;
}
