// better-auth's routes as this site configures them (issue 9 items 4, 5, 9, 13; issue 11.1):
// sign-in limited per account as well as per address, bounded bodies and fields, no NUL
// characters, the origin policy with and without a public URL, and Secure cookies over https.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { ACCOUNT_SIGN_IN_LIMIT, AUTH_BODY_MAX_BYTES, NAME_MAX_LENGTH } from "@/lib/server/auth.server";
import type { Database } from "@/lib/server/db.server";
import { selectUserByEmail } from "@/lib/server/data/users";
import { reloadServerEnv } from "@/lib/server/env.server";
import { openTestDatabase } from "@/lib/server/test-database";
import { cookieHeaderFrom, createUser } from "@/tests/factories";

let database: Database;
let address = 0;
/** A fresh client address per request, as an attacker rotating X-Forwarded-For would send. */
const nextAddress = () => `10.1.${Math.floor(++address / 250)}.${address % 250}`;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});
afterEach(() => {
  delete process.env.BETTER_AUTH_URL;
  reloadServerEnv();
});

function authRequest(path: string, body: unknown, options: { site?: string; origin?: string; address?: string; cookie?: string } = {}): Request {
  const site = options.site ?? "http://localhost:3000";
  return new Request(`${site}/api/auth${path}`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: {
      origin: options.origin ?? site,
      "content-type": "application/json",
      "x-forwarded-for": options.address ?? nextAddress(),
      ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
    },
  });
}
async function bodyOf(response: Response): Promise<{ code?: string; message?: string }> {
  return (await response.json()) as { code?: string; message?: string };
}

describe("sign-in rate limits", () => {
  it("refuses an account's guesses past the per-account limit however many addresses send them; other accounts still work", async () => {
    const { user } = await createUser({ email: "target@example.org" });
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_SIGN_IN_LIMIT.max + 2; i++) {
      const email = i % 2 === 0 ? "target@example.org" : "TARGET@Example.org";
      statuses.push((await authPost(authRequest("/sign-in/email", { email, password: `guess-${i}-xxxxx` }))).status);
    }
    expect(statuses.slice(0, ACCOUNT_SIGN_IN_LIMIT.max)).toEqual(Array(ACCOUNT_SIGN_IN_LIMIT.max).fill(401));
    const refused = await authPost(authRequest("/sign-in/email", { email: "target@example.org", password: "guess-last-xxxxx" }));
    expect(refused.status).toBe(429);
    expect(await bodyOf(refused)).toMatchObject({ code: "TOO_MANY_ATTEMPTS_FOR_ACCOUNT" });
    expect(Number(refused.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect(statuses.slice(ACCOUNT_SIGN_IN_LIMIT.max)).toEqual([429, 429]);
    expect(user.email).toBe("target@example.org");

    const other = await createUser();
    const fine = await authPost(authRequest("/sign-in/email", { email: other.user.email, password: other.password }));
    expect(fine.status).toBe(200);
    // Fourteen scrypt password checks: slow on a loaded machine.
  }, 120_000);

  it("limits one address to 5 attempts a minute across accounts, without touching other addresses", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await authPost(authRequest("/sign-in/email", { email: `nobody-${i}@example.org`, password: "guess-xxxxxxx" }, { address: "10.2.0.1" }))).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const elsewhere = await authPost(authRequest("/sign-in/email", { email: "nobody-0@example.org", password: "guess-xxxxxxx" }, { address: "10.2.0.2" }));
    expect(elsewhere.status).toBe(401);
  });
});

describe("bounded fields and bodies", () => {
  it("refuses a long name (400), a huge body (413) and a long email (400) at sign-up, creating nobody", async () => {
    const long = await authPost(authRequest("/sign-up/email", { email: "long-name@example.org", password: "long-enough-1", name: "가".repeat(NAME_MAX_LENGTH + 1) }));
    expect(long.status).toBe(400);
    expect(await bodyOf(long)).toMatchObject({ code: "FIELD_TOO_LONG" });
    const exact = await authPost(authRequest("/sign-up/email", { email: "exact-name@example.org", password: "long-enough-1", name: "가".repeat(NAME_MAX_LENGTH) }));
    expect(exact.status).toBe(200);

    const huge = await authPost(authRequest("/sign-up/email", { email: "huge@example.org", password: "long-enough-1", name: "x".repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect((await bodyOf(huge)).message).toContain(String(AUTH_BODY_MAX_BYTES));
    const longEmail = await authPost(authRequest("/sign-up/email", { email: `${"a".repeat(250)}@example.org`, password: "long-enough-1", name: "x" }));
    expect(longEmail.status).toBe(400);
    expect(await selectUserByEmail("long-name@example.org")).toBeNull();
    expect(await selectUserByEmail("huge@example.org")).toBeNull();
  });

  it("refuses a long or huge name in update-user, keeping the old one", async () => {
    const { user, password } = await createUser({ name: "Before" });
    const signedIn = await authPost(authRequest("/sign-in/email", { email: user.email, password }));
    const cookie = cookieHeaderFrom(signedIn.headers);
    const long = await authPost(authRequest("/update-user", { name: "n".repeat(NAME_MAX_LENGTH + 1) }, { cookie }));
    expect(long.status).toBe(400);
    const huge = await authPost(authRequest("/update-user", { name: "n".repeat(30 * 1024 * 1024) }, { cookie }));
    expect(huge.status).toBe(413);
    expect((await selectUserByEmail(user.email))?.name).toBe("Before");
    const fine = await authPost(authRequest("/update-user", { name: "After" }, { cookie }));
    expect(fine.status).toBe(200);
    expect((await selectUserByEmail(user.email))?.name).toBe("After");
  });

  it("refuses the NUL character in a name, an email or a password with 400, not a database error", async () => {
    const name = await authPost(authRequest("/sign-up/email", { email: "nul-name@example.org", password: "long-enough-1", name: "a\u0000b" }));
    expect(name.status).toBe(400);
    expect(await bodyOf(name)).toMatchObject({ code: "INVALID_CHARACTER" });
    const signInEmail = await authPost(authRequest("/sign-in/email", { email: "a\u0000@example.org", password: "long-enough-1" }));
    expect(signInEmail.status).toBe(400);
    const { user, password } = await createUser();
    const cookie = cookieHeaderFrom((await authPost(authRequest("/sign-in/email", { email: user.email, password }))).headers);
    const rename = await authPost(authRequest("/update-user", { name: "x\u0000" }, { cookie }));
    expect(rename.status).toBe(400);
    expect(await selectUserByEmail("nul-name@example.org")).toBeNull();
  });
});

describe("trusted origins", () => {
  const signUpAt = (site: string, origin: string, email: string) =>
    authPost(authRequest("/sign-up/email", { email, password: "long-enough-1", name: "Local" }, { site, origin }));

  it("without BETTER_AUTH_URL, accepts the address the site was opened at (another port, 127.0.0.1) and refuses other origins", async () => {
    expect((await signUpAt("http://127.0.0.1:3101", "http://127.0.0.1:3101", "local-1@example.org")).status).toBe(200);
    expect((await signUpAt("http://localhost:4000", "http://localhost:4000", "local-2@example.org")).status).toBe(200);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const crossSite = await signUpAt("http://127.0.0.1:3101", "https://evil.example", "evil-1@example.org");
    expect(crossSite.status).toBe(403);
    expect(await bodyOf(crossSite)).toMatchObject({ code: "INVALID_ORIGIN" });
    logged.mockRestore();
    expect(await selectUserByEmail("evil-1@example.org")).toBeNull();
  });

  it("without BETTER_AUTH_URL, goes by the Host the browser sent, as under next start (whose request.url always says localhost)", async () => {
    const asNextBuildsIt = (host: string, origin: string, email: string) =>
      new Request("http://localhost:3101/api/auth/sign-up/email", {
        method: "POST",
        body: JSON.stringify({ email, password: "long-enough-1", name: "Local" }),
        headers: { host, "x-forwarded-host": host, "x-forwarded-proto": "http", origin, "content-type": "application/json", "x-forwarded-for": nextAddress() },
      });
    expect((await authPost(asNextBuildsIt("127.0.0.1:3101", "http://127.0.0.1:3101", "host-1@example.org"))).status).toBe(200);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await authPost(asNextBuildsIt("127.0.0.1:3101", "http://localhost:3101", "host-2@example.org"))).status).toBe(403);
    expect((await authPost(asNextBuildsIt("evil.example/x", "http://evil.example", "host-3@example.org"))).status).toBe(403);
    logged.mockRestore();
  });

  it("with BETTER_AUTH_URL, accepts only that origin", async () => {
    process.env.BETTER_AUTH_URL = "https://lab.example.org";
    reloadServerEnv();
    expect((await signUpAt("https://lab.example.org", "https://lab.example.org", "public-1@example.org")).status).toBe(200);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await signUpAt("http://127.0.0.1:3101", "http://127.0.0.1:3101", "public-2@example.org")).status).toBe(403);
    logged.mockRestore();
    expect(await selectUserByEmail("public-2@example.org")).toBeNull();
  });
});

describe("cookies over https", () => {
  const sessionCookie = (response: Response) => response.headers.getSetCookie().find((cookie) => cookie.includes("session_token="));

  it("are Secure when the request came over https, with or without BETTER_AUTH_URL, and not over plain http", async () => {
    const https = await authPost(authRequest("/sign-up/email", { email: "tls-1@example.org", password: "long-enough-1", name: "T" }, { site: "https://lab.example.org" }));
    expect(https.status).toBe(200);
    expect(sessionCookie(https)).toMatch(/;\s*Secure/i);
    const http = await authPost(authRequest("/sign-up/email", { email: "tls-2@example.org", password: "long-enough-1", name: "T" }, { site: "http://127.0.0.1:3101" }));
    expect(sessionCookie(http)).toBeDefined();
    expect(sessionCookie(http)).not.toMatch(/;\s*Secure/i);

    process.env.BETTER_AUTH_URL = "https://lab.example.org";
    reloadServerEnv();
    const configured = await authPost(authRequest("/sign-up/email", { email: "tls-3@example.org", password: "long-enough-1", name: "T" }, { site: "https://lab.example.org" }));
    expect(sessionCookie(configured)).toMatch(/;\s*Secure/i);
    // The session cookie set over https authenticates the next request.
    const session = await authGet(new Request("https://lab.example.org/api/auth/get-session", { headers: { cookie: cookieHeaderFrom(configured.headers) } }));
    expect(((await session.json()) as { user: { email: string } }).user.email).toBe("tls-3@example.org");
  });
});
