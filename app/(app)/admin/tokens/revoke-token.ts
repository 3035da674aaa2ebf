'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getPrisma } from '@/lib/db/client';
import type { FormState } from '@/lib/auth/action-result';
import { revokeApiToken } from '@/lib/auth/api-tokens';
import { authorizedAction } from '@/lib/auth/guard';

const schema = z.object({ tokenId: z.coerce.number().int().min(1).max(2_147_483_647) });

export const revokeTokenAction = authorizedAction('revokeTokenAction', async (me, _prev: FormState, form: FormData): Promise<FormState> => {
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: 'No such token.' };
  const revoked = await revokeApiToken(await getPrisma(), parsed.data.tokenId, me.email);
  revalidatePath('/admin/tokens');
  return revoked ? { ok: true, message: 'Token revoked.' } : { ok: false, message: 'That token is already revoked.' };
});
