/** @type {import('next').NextConfig} */

const isDev = process.env.NODE_ENV === 'development';

// Static pages (the landing page) carry no nonce, so scripts are allowed from this
// origin and inline (Next's bootstrap); never eval outside development, never from
// elsewhere, never framed. Styles allow inline attributes (charts set them).
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CSP },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

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
