// Next.js configuration of the learner site. next-intl reads the request locale from
// lib/i18n/request.ts (cookie, then Accept-Language; no locale prefix in URLs). Native and
// WebAssembly server dependencies stay outside the server bundle.
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` checks the whole repository; the build must not rewrite the shared
  // tsconfig.json (Next edits the file it reads), so it reads its own.
  typescript: { ignoreBuildErrors: true, tsconfigPath: "lib/ui/tsconfig.next.json" },
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
