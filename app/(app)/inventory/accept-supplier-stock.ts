'use server';

import { after } from 'next/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getPrisma } from '@/lib/db/client';
import type { FormState } from '@/lib/auth/action-result';
import { authorizedAction } from '@/lib/auth/guard';
import { refreshDashboardForecast } from '@/lib/forecast/queries';
import { acceptSupplierStock } from '@/lib/supplier-stock/accept-report';
import { decimalField } from '@/lib/validation/fields';

const schema = z.object({ reportId: z.coerce.number().int().min(1).max(2_147_483_647), onHand: decimalField });

/** Procurement turns a supplier's stock report into on-hand inventory (the quantity they saw, or nothing). */
export const acceptSupplierStockAction = authorizedAction('acceptSupplierStockAction', async (me, _prev: FormState, form: FormData): Promise<FormState> => {
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: 'No such stock report.' };
  try {
    const result = await acceptSupplierStock(await getPrisma(), parsed.data.reportId, parsed.data.onHand, me.email);
    revalidatePath('/inventory');
    if (result.outcome !== 'accepted') return { ok: false, message: 'That report was already accepted or has been replaced by a newer one: reload to see it.' };
    after(() => refreshDashboardForecast());
    return { ok: true, message: `Accepted: ${result.sku} at ${result.location} is now ${result.onHand} on hand.` };
  } catch (err) {
    console.error('acceptSupplierStockAction failed', err);
    return { ok: false, message: 'The report could not be accepted. Try again.' };
  }
});
