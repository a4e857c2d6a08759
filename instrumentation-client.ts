// Runs in the browser before the site's own client code (Next.js instrumentation-client).
// zod compiles object parsers with `new Function` when it may, and finds out by trying; the
// pages' Content-Security-Policy (next.config.ts) forbids eval, so that probe would be a CSP
// violation on every page. The interpreted parsers are plenty for the small payloads we parse.
import { z } from "zod";

z.config({ jitless: true });
