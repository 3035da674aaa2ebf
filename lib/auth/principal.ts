import type { Role } from './roles';

/** Who is calling: a signed-in person, or a supplier's API token. */
export type Principal =
  | { kind: 'user'; userId: string; email: string; name: string; role: Role }
  | { kind: 'token'; tokenId: number; supplierId: number; supplierCode: string };

/** The actor recorded on audit events and import batches. */
export function actorOf(p: Principal): string {
  return p.kind === 'user' ? p.email : `token:${p.supplierCode}`;
}
