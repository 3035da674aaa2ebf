'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getPrisma } from '@/lib/db/client';
import type { FormState } from '@/lib/auth/action-result';
import { authorizedAction } from '@/lib/auth/guard';
import { ROLES } from '@/lib/auth/roles';
import { changeRole } from '@/lib/auth/users';

const schema = z.object({ userId: z.string().min(1).max(64), role: z.enum(ROLES) });

export const changeRoleAction = authorizedAction('changeRoleAction', async (me, _prev: FormState, form: FormData): Promise<FormState> => {
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: 'Choose a role.', errors: z.flattenError(parsed.error).fieldErrors };
  // An admin demoting themselves could leave nobody able to manage users.
  if (parsed.data.userId === me.userId) return { ok: false, message: 'You cannot change your own role.' };
  const result = await changeRole(await getPrisma(), parsed.data.userId, parsed.data.role, me.email);
  if (result === 'not-found') return { ok: false, message: 'No such user.' };
  revalidatePath('/admin/users');
  return { ok: true, message: result === 'changed' ? `Role changed to ${parsed.data.role}; their sessions were ended.` : 'Role unchanged.' };
});
