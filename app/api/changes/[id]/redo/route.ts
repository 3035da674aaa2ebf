import { withAuth } from '@/lib/auth/guard';
import { reverseHandler } from '../reverse-handler';

export const dynamic = 'force-dynamic';

/** POST /api/changes/<id>/redo → 200 { changeSetId, applied } (a new change set, source redo), or 409 { conflicts } naming rows changed since. */
export const POST = withAuth('POST /api/changes/[id]/redo', reverseHandler('redo'));
