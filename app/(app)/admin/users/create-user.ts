'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getPrisma } from '@/lib/db/client';
import type { FormState } from '@/lib/auth/action-result';
import { authorizedAction } from '@/lib/auth/guard';
import { ROLES } from '@/lib/auth/roles';
import { createUser } from '@/lib/auth/users';

const newUserSchema = z.object({
  name: z.string().trim().min(1, 'required').max(100, 'at most 100 characters'),
  email: z.string().trim().max(320).pipe(z.email('must be an email address')),
  password: z.string().min(12, 'at least 12 characters').max(128, 'at most 128 characters'),
  role: z.enum(ROLES, 'choose a role'),
});

export const createUserAction = authorizedAction('createUserAction', async (me, _prev: FormState, form: FormData): Promise<FormState> => {
  const parsed = newUserSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: 'Fix the fields marked below.', errors: z.flattenError(parsed.error).fieldErrors };
  const created = await createUser(await getPrisma(), parsed.data, me.email);
  if (!created) return { ok: false, message: 'That email already has an account.', errors: { email: ['already in use'] } };
  revalidatePath('/admin/users');
  return { ok: true, message: `Created ${parsed.data.email} (${parsed.data.role}).` };
});
