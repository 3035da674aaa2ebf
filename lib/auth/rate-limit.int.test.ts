import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/lib/db/test-support';
import { RateLimiter } from './rate-limit';

for (const kind of testDatabaseKinds()) {
  describe(`rate limits in the database on ${kind.name}`, () => {
    let env: Awaited<ReturnType<typeof kind.create>>;
    beforeAll(async () => {
      env = await kind.create();
    });
    afterAll(async () => env?.dispose());

    it('allows up to the limit in a window, then refuses with the seconds left until the window ends', async () => {
      let now = Date.UTC(2026, 11, 2, 9, 0, 0);
      const limiter = new RateLimiter(env.db.prisma, 'window-test', 3, 60_000, () => now);
      const verdicts = [];
      for (let i = 0; i < 3; i++) verdicts.push((await limiter.hit('a')).allowed);
      expect(verdicts).toEqual([true, true, true]);
      now += 15_000;
      expect(await limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
      expect(await limiter.blocked('a')).toEqual({ blocked: true, retryAfterSeconds: 45 });
      expect((await limiter.hit('b')).allowed).toBe(true);
      now += 45_000;
      expect((await limiter.blocked('a')).blocked).toBe(false);
      expect((await limiter.hit('a')).allowed).toBe(true);
      expect((await limiter.hit('a')).allowed).toBe(true);
    });

    it('checking whether a key is blocked never counts as an attempt', async () => {
      const limiter = new RateLimiter(env.db.prisma, 'check-test', 1, 60_000);
      for (let i = 0; i < 5; i++) expect((await limiter.blocked('k')).blocked).toBe(false);
      await limiter.hit('k');
      expect((await limiter.blocked('k')).blocked).toBe(true);
    });

    it('two app servers on one database share one count: what one counted, the other refuses', async () => {
      // Two limiters are what two processes build: nothing in memory is shared between them.
      const serverA = new RateLimiter(env.db.prisma, 'shared-test', 4, 60_000);
      const serverB = new RateLimiter(env.db.prisma, 'shared-test', 4, 60_000);
      const verdicts = await Promise.all([serverA.hit('x'), serverB.hit('x'), serverA.hit('x'), serverB.hit('x'), serverA.hit('x'), serverB.hit('x')]);
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(4);
      expect((await serverB.blocked('x')).blocked).toBe(true);
      // Another limiter's name is another count.
      expect((await new RateLimiter(env.db.prisma, 'other-test', 4, 60_000).hit('x')).allowed).toBe(true);
    });
  });
}
