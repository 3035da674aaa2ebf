import { fieldLabel, fieldsBesideKey } from './preview-model';
import styles from './imports.module.css';

type Values = Record<string, string | number | boolean | null>;

function show(v: string | number | boolean | null | undefined): string {
  return v === null || v === undefined || v === '' ? '(blank)' : String(v);
}

/**
 * An audited change field by field: a created row lists its values; an updated
 * (or restored) row lists only the fields that differ, before → after.
 */
export function FieldDiff({ recordKey, before, after }: { recordKey: string; before: Values | null; after: Values | null }) {
  // A created or deleted row's own key fields (supplier, PO, line) are already in the Record column.
  const whole = before && after ? null : (after ?? before ?? {});
  const keys = whole ? fieldsBesideKey(recordKey, whole).map(([k]) => k) : [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows = keys
    .filter((k) => !before || !after || show(before[k]) !== show(after[k]))
    .map((k) => ({ field: k, before: before?.[k], after: after?.[k] }));
  if (rows.length === 0) return <span className="muted">no field changed</span>;
  if (!before || !after) {
    // A created (or deleted) row: its values on one line.
    return (
      <ul className={styles.inlineFields}>
        {rows.map((r) => (
          <li key={r.field}>
            <span className={styles.fieldName}>{fieldLabel(r.field)}</span> {before ? <del>{show(r.before)}</del> : show(r.after)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className={styles.fieldList}>
      {rows.map((r) => (
        <li key={r.field}>
          <span className={styles.fieldName}>{fieldLabel(r.field)}</span>{' '}
          {!before ? (
            <ins>{show(r.after)}</ins>
          ) : !after ? (
            <del>{show(r.before)}</del>
          ) : (
            <>
              <del>{show(r.before)}</del> → <ins>{show(r.after)}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
