import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { failInterruptedImports } from '@/lib/imports/run-import';
import { issueApiToken, recordTokenUse, resolveApiToken, revokeApiToken } from './api-tokens';
import { verifyPassword } from './password';
import { changeRole, createUser } from './users';

for (const kind of testDatabaseKinds()) {
  describe(`who may do what, stored on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    beforeAll(async () => {
      env = await kind.create();
      await env.db.prisma.supplier.createMany({ data: [{ code: 'ACME', name: 'Acme' }, { code: 'OTHER', name: 'Other' }] });
    });
    afterAll(async () => env?.dispose());

    it('a supplier token is stored only as a hash, resolves to its supplier, and stops working when revoked', async () => {
      const prisma = env.db.prisma;
      const issued = await issueApiToken(prisma, { name: 'acme feed', supplierCode: 'ACME', expiresInDays: 30, actor: 'admin@x' });
      expect(issued).not.toBeNull();
      const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: issued!.id } });
      expect(row.tokenHash).not.toContain(issued!.token);
      expect(JSON.stringify(row)).not.toContain(issued!.token);
      const principal = await resolveApiToken(prisma, issued!.token);
      expect(principal).toMatchObject({ kind: 'token', supplierCode: 'ACME' });
      await recordTokenUse(prisma, principal!, { method: 'POST', path: '/api/imports/inventory', status: 200 });
      expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: issued!.id } })).lastUsedAt).not.toBeNull();
      expect(await prisma.auditEvent.count({ where: { entity: 'ApiToken', entityId: String(issued!.id), action: 'use', actor: 'token:ACME' } })).toBe(1);

      expect(await revokeApiToken(prisma, issued!.id, 'admin@x')).toBe(true);
      expect(await resolveApiToken(prisma, issued!.token)).toBeNull();
      expect(await revokeApiToken(prisma, issued!.id, 'admin@x')).toBe(false);
    });

    it('an expired or unknown token resolves to nobody', async () => {
      const prisma = env.db.prisma;
      const issued = await issueApiToken(prisma, { name: 'short', supplierCode: 'OTHER', expiresInDays: 1, actor: 'admin@x' });
      expect(await resolveApiToken(prisma, issued!.token, new Date(Date.now() + 2 * 86_400_000))).toBeNull();
      expect(await resolveApiToken(prisma, 'cbt_not-a-real-token')).toBeNull();
      expect(await resolveApiToken(prisma, 'Bearer nonsense')).toBeNull();
      expect(await issueApiToken(prisma, { name: 'x', supplierCode: 'NOPE', expiresInDays: 1, actor: 'admin@x' })).toBeNull();
    });

    it('a created user has an argon2id password hash, and a role change ends their sessions and is audited', async () => {
      const prisma = env.db.prisma;
      const email = `pat-${kind.name}@example.test`;
      const created = await createUser(prisma, { name: 'Pat', email, password: 'correct horse battery', role: 'executive' }, 'admin@x');
      expect(created).not.toBeNull();
      expect(await createUser(prisma, { name: 'Pat again', email, password: 'whatever-password', role: 'admin' }, 'admin@x')).toBeNull();
      const account = await prisma.account.findFirstOrThrow({ where: { userId: created!.id, providerId: 'credential' } });
      expect(account.password).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword({ hash: account.password!, password: 'correct horse battery' })).toBe(true);
      expect(await verifyPassword({ hash: account.password!, password: 'wrong' })).toBe(false);

      await prisma.session.create({ data: { id: `s-${kind.name}`, token: `t-${kind.name}`, userId: created!.id, expiresAt: new Date(Date.now() + 3_600_000) } });
      expect(await changeRole(prisma, created!.id, 'procurement', 'admin@x')).toBe('changed');
      expect(await prisma.session.count({ where: { userId: created!.id } })).toBe(0);
      const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entity: 'User', entityId: email, action: 'role-change' } });
      expect(audit).toMatchObject({ actor: 'admin@x', before: { role: 'executive' }, after: { role: 'procurement' } });
      expect(await changeRole(prisma, created!.id, 'procurement', 'admin@x')).toBe('unchanged');
      expect(await changeRole(prisma, 'no-such-id', 'admin', 'admin@x')).toBe('not-found');
    });

    it('a batch left running by a dead process is marked failed when the database is next opened', async () => {
      const prisma = env.db.prisma;
      const orphan = await prisma.importBatch.create({ data: { kind: 'inventory', filename: 'orphan.csv', sha256: 'x', status: 'running', actor: 'test' } });
      expect(await failInterruptedImports(prisma)).toEqual([orphan.id]);
      const after = await prisma.importBatch.findUniqueOrThrow({ where: { id: orphan.id } });
      expect(after.status).toBe('failed');
      expect(after.error).toMatch(/interrupted/);
      expect(await failInterruptedImports(prisma)).toEqual([]);
    });
  });
}
