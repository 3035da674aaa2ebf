import type { FormState } from '@/lib/auth/action-result';

export function FormMessage({ id, state }: { id: string; state: FormState }) {
  return (
    <div id={id} aria-live="polite">
      {state.message && <p className={`alert ${state.ok ? 'info' : 'error'}`}>{state.message}</p>}
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <span id={id} aria-live="polite" className="small" style={{ color: 'var(--bad)' }}>
      {errors?.join(', ')}
    </span>
  );
}
