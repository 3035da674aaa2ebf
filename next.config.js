/** @type {import('next').NextConfig} */

// Pages get their Content-Security-Policy from proxy.ts: it needs a fresh nonce
// per request, so scripts run without 'unsafe-inline'. What is left here applies
// to every response, API routes included.
const SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

// API routes answer JSON or CSV, never a document: if one is ever opened as a
// page, nothing in it may run, load or be framed.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const nextConfig = {
  // Separate build folders let several checkouts' test servers build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // These load .wasm files or native-ish drivers at run time from node_modules;
  // bundling them breaks their relative file lookups.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@prisma/schema-engine-wasm',
    '@prisma/adapter-pg',
    '@prisma/driver-adapter-utils',
    'pg',
    'highs',
    '@node-rs/argon2',
  ],
  poweredByHeader: false,
  typescript: { tsconfigPath: 'tsconfig.json' },
  // forbidden() renders a 403 for a signed-in person whose role lacks a page.
  // Server actions keep Next's Origin-vs-Host check: no allowedOrigins are added.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      // API answers are per person and change with the data: never kept by a browser or a proxy.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }, { key: 'Cache-Control', value: 'no-store' }] },
      // HSTS only when the request reached us over TLS (a TLS-terminating proxy says so).
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
      },
    ];
  },
};

export default nextConfig;
