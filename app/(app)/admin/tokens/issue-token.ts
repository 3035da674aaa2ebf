'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getPrisma } from '@/lib/db/client';
import type { FormState } from '@/lib/auth/action-result';
import { issueApiToken } from '@/lib/auth/api-tokens';
import { authorizedAction } from '@/lib/auth/guard';

const schema = z.object({
  name: z.string().trim().min(1, 'required').max(100, 'at most 100 characters'),
  supplier: z.string().trim().toUpperCase().min(1, 'choose a supplier').max(64),
  expiresInDays: z.coerce.number().int('whole days').min(1, 'at least 1 day').max(366, 'at most 366 days'),
});

export const issueTokenAction = authorizedAction('issueTokenAction', async (me, _prev: FormState, form: FormData): Promise<FormState> => {
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: 'Fix the fields marked below.', errors: z.flattenError(parsed.error).fieldErrors };
  const issued = await issueApiToken(await getPrisma(), {
    name: parsed.data.name,
    supplierCode: parsed.data.supplier,
    expiresInDays: parsed.data.expiresInDays,
    actor: me.email,
  });
  if (!issued) return { ok: false, message: 'Unknown supplier.', errors: { supplier: ['unknown supplier'] } };
  revalidatePath('/admin/tokens');
  return { ok: true, message: `Token for ${issued.supplierCode} issued. Copy it now: it is shown only once.`, token: issued.token };
});
