import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package folder; bundling it breaks the first query.
  // postgres.js is kept external so LISTEN connections are not duplicated by bundle splitting.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  // Compression belongs to the reverse proxy in front (it also terminates TLS). In-process gzip
  // of the agent's ~300-byte answers cost 8 % of the turn write path's CPU; Next drops a route's
  // Content-Length, so its 1 KB threshold never applies to route handlers.
  compress: false,
  typedRoutes: false,
  // `next dev` logs each request's URL and each server function's arguments: an invitation
  // URL is a credential and the sign-in action's arguments hold a password. Neither goes in a log.
  logging: {
    incomingRequests: { ignore: [/\/i\/[^/?]+/] },
    serverFunctions: false,
  },
};

// Messages and the request's locale come from i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
