/** @type {import('next').NextConfig} */
const nextConfig = {
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
  ],
  poweredByHeader: false,
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default nextConfig;
