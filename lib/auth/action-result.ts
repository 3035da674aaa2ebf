/** What an admin server action returns: field errors for bad input instead of throwing. */
export interface FormState {
  ok: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
  /** A newly issued API token: shown once, never retrievable again. */
  token?: string;
}
