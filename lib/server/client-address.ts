// Which address a request comes from, for the per-address sign-in limit: the socket's peer, or,
// behind BACKPROP_TRUSTED_PROXY_HOPS reverse proxies, the address the outermost of them saw.
// Used by the server entry (bin/serve.ts), which rewrites X-Forwarded-For to this one address
// before Next.js and better-auth see the request. See docs/decisions/008-trusted-origin-and-proxy.md.

/**
 * The client's address. Each proxy appends the address it received the request from to
 * X-Forwarded-For, so with `trustedHops` proxies in front of us the client is the entry that many
 * places left of the socket's peer; anything further left was written by the client and is not
 * believed. With no trusted proxy, the header is ignored altogether.
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, trustedHops: number): string | undefined {
  if (trustedHops === 0) return socketAddress;
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (socketAddress !== undefined) chain.push(socketAddress);
  // Fewer entries than proxies: the request did not pass through all of them; the leftmost
  // entry is still the furthest address anyone vouches for.
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}

/** The X-Forwarded-* headers a client may have sent; without a trusted proxy none is believed. */
export const CLIENT_FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"] as const;
