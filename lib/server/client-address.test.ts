import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.2", 0)).toBe("198.51.100.2");
    expect(clientAddress(undefined, "::1", 0)).toBe("::1");
  });

  it("behind trusted proxies, is the address the outermost proxy saw, not what the client wrote", () => {
    // client 198.51.100.9 sends a forged header; the one proxy (10.0.0.2) appends the real address.
    expect(clientAddress("1.2.3.4, 198.51.100.9", "10.0.0.2", 1)).toBe("198.51.100.9");
    // two proxies: CDN appends the client, the load balancer appends the CDN's address.
    expect(clientAddress("6.6.6.6, 198.51.100.9, 192.0.2.50", "10.0.0.2", 2)).toBe("198.51.100.9");
    // A request that reached us without passing the proxies: the furthest known address.
    expect(clientAddress(undefined, "198.51.100.9", 1)).toBe("198.51.100.9");
  });
});
