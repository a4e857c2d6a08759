// Next.js configuration of the learner site. next-intl reads the request locale from
// lib/i18n/request.ts (cookie, then Accept-Language; no locale prefix in URLs). Native and
// WebAssembly server dependencies stay outside the server bundle.
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Everything the site loads is its own: Monaco and its workers are bundled (worker files under
// /_next/static, blob: kept for Monaco's fallbacks), KaTeX's fonts are served from /_next/static.
// Next.js bootstraps each page with inline scripts and Monaco and KaTeX set inline styles, hence
// 'unsafe-inline' there; no other origin may run scripts, be framed in or frame us, or receive a
// form. `next dev` evaluates its modules with eval.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// A dedicated worker's policy is the one its own script is served with, so this one governs the
// workers (bundled under /_next/static): Run executes the learner's transpiled module with
// `new Function` in its worker (lib/run/execute.ts), hence 'unsafe-eval' there and only there —
// the pages keep the policy above, and a script's own policy means nothing to the page that loads it.
const workerContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  headers() {
    // For the same header, the last matching rule wins.
    return Promise.resolve([
      { source: "/:path*", headers: securityHeaders },
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: workerContentSecurityPolicy }] },
    ]);
  },
  // The build type-checks too (a type error fails it); it must not rewrite the shared
  // tsconfig.json (Next edits the file it reads), so it reads its own.
  typescript: { tsconfigPath: "lib/ui/tsconfig.next.json" },
  serverExternalPackages: [
    "isolated-vm",
    "esbuild",
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
  ],
  // The grader reads exercise folders at run time: ship them with the server output.
  outputFileTracingIncludes: { "/**": ["./exercises/**/*"] },
  webpack(config: WebpackConfig, { isServer }: { isServer: boolean }) {
    // grader/exercise/load.ts finds exercises/ with new URL("../../exercises", import.meta.url):
    // on the server that is a path to read at run time, not an asset for the bundler to emit.
    if (isServer) {
      config.module ??= {};
      config.module.parser ??= {};
      config.module.parser.javascript = { ...config.module.parser.javascript, url: false };
    }
    return config;
  },
};

interface WebpackConfig {
  module?: { parser?: { javascript?: Record<string, unknown> } };
}

export default withNextIntl(nextConfig);
