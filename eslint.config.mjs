import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The layering, as rules: the engine knows no database or framework; components
// never reach the database; the data layer (lib/) knows no routes or pages.
const DATABASE = ['@/lib/db/*', '@/lib/generated/*', '@/lib/*/queries', '@prisma/*', 'pg', '@electric-sql/*'];
const FRAMEWORK = ['next', 'next/*', 'react', 'react-dom'];
const ROUTES = ['@/app/*', '@/components/*'];
const restrict = (groups, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: restrict(ROUTES, 'lib/ is the data and domain layer: it knows no routes, pages or components.'),
  },
  {
    files: ['lib/capacity/**/*.ts'],
    rules: restrict([...DATABASE, ...FRAMEWORK, ...ROUTES], 'The capacity engine is pure TypeScript: no database, framework or routes.'),
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: restrict(DATABASE, 'Components take plain props: the database is reached from pages, actions and route handlers.'),
  },
  globalIgnores(['.next/**', '.next-*/**', 'out/**', 'build/**', 'next-env.d.ts', 'lib/generated/**', '.data/**', 'test-results/**', 'playwright-report/**']),
]);
