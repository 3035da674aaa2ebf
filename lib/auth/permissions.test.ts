import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { can, ENDPOINTS, PAGES } from './permissions';
import { ROLES } from './roles';

const ROOT = path.resolve(__dirname, '../..');

function filesUnder(dir: string, match: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel, match));
    else if (match(rel)) out.push(rel);
  }
  return out;
}

describe('the permission table', () => {
  it('has a rule for every HTTP method exported by every route handler under app/', () => {
    const listed = new Set(Object.values(ENDPOINTS).filter((e) => e.type === 'route').map((e) => `${e.method} ${e.file}`));
    for (const file of filesUnder('app', (f) => /\/route\.tsx?$/.test(f))) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const methods = [...text.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
      for (const method of methods) expect(listed, `${method} in ${file} has no rule in lib/auth/permissions.ts`).toContain(`${method} ${file}`);
    }
  });

  it('has a rule for every server action exported by every "use server" file under app/ and lib/', () => {
    const listed = new Set(Object.values(ENDPOINTS).filter((e) => e.type === 'action').map((e) => `${e.exportName} ${e.file}`));
    const files = [...filesUnder('app', (f) => /\.tsx?$/.test(f)), ...filesUnder('lib', (f) => /\.tsx?$/.test(f) && !f.includes('/generated/'))];
    for (const file of files) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      if (!/^\s*['"]use server['"]/.test(text)) continue;
      const exports = [...text.matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)].map((m) => m[1]);
      expect(exports.length, `${file} exports no action`).toBeGreaterThan(0);
      for (const name of exports) expect(listed, `${name} in ${file} has no rule in lib/auth/permissions.ts`).toContain(`${name} ${file}`);
    }
  });

  it('names only files that exist, and each non-public rule is applied by a guard call in its file', () => {
    for (const [id, rule] of Object.entries(ENDPOINTS)) {
      const file = path.join(ROOT, rule.file);
      expect(fs.existsSync(file), `${rule.file} (${id})`).toBe(true);
      if (rule.capability === 'public') continue;
      if (rule.type === 'route') expect(fs.readFileSync(file, 'utf8')).toContain(`withAuth('${id}'`);
      else expect(fs.readFileSync(file, 'utf8')).toContain(`authorizedAction('${id}'`);
    }
  });

  it('every workspace page calls the guard for its own path', () => {
    // Pages live in route groups (app/(app), app/(board)): the one that holds each.
    const groups = fs.readdirSync(path.join(ROOT, 'app')).filter((d) => /^\(.+\)$/.test(d));
    for (const page of Object.keys(PAGES)) {
      const files = groups.map((g) => path.join(ROOT, 'app', g, page, 'page.tsx')).filter((f) => fs.existsSync(f));
      expect(files, page).toHaveLength(1);
      expect(fs.readFileSync(files[0]!, 'utf8'), files[0]).toContain(`requireRole('${page}')`);
    }
  });

  it('gives executives read and what-if rights but no edits, imports or administration', () => {
    expect(can('executive', 'read:forecast')).toBe(true);
    expect(can('executive', 'create:scenario')).toBe(true);
    for (const c of ['edit:data', 'import:data', 'manage:users', 'manage:tokens', 'read:audit'] as const) expect(can('executive', c)).toBe(false);
  });

  it('gives procurement edits and imports but no administration, and admins everything', () => {
    for (const c of ['edit:data', 'import:data'] as const) expect(can('procurement', c)).toBe(true);
    for (const c of ['manage:users', 'manage:tokens', 'read:audit'] as const) expect(can('procurement', c)).toBe(false);
    for (const role of ROLES) for (const c of ['read:workspace', 'read:forecast'] as const) expect(can(role, c)).toBe(true);
  });
});
