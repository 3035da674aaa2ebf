'use client';

import { useId } from 'react';
import { DATE_FORMATS, QUANTITY_COLUMNS, type MappingProblem } from '@/lib/mapping/mapping';
import type { ImportKind } from '@/lib/validation/import-kinds';
import { isValidFactor, sampleValues } from './preview-model';
import type { DateFormat, DecimalSeparator, ImportMapping, InspectResult, KindColumns, ThousandsSeparator } from './types';
import styles from './imports.module.css';
import { OptionSelect } from './option-select';

const DECIMAL_OPTIONS: { value: DecimalSeparator; label: string }[] = [
  { value: '.', label: 'point: 1234.5' },
  { value: ',', label: 'comma: 1234,5' },
];
const THOUSANDS_OPTIONS: { value: ThousandsSeparator; label: string }[] = [
  { value: '', label: 'none: 1234567' },
  { value: ',', label: 'comma: 1,234,567' },
  { value: '.', label: 'point: 1.234.567' },
  { value: ' ', label: 'space: 1 234 567' },
  { value: "'", label: "apostrophe: 1'234'567" },
];
const DATE_LABELS: Record<DateFormat, string> = {
  'YYYY-MM-DD': 'YYYY-MM-DD (2026-03-31)',
  'DD/MM/YYYY': 'DD/MM/YYYY (31/03/2026)',
  'MM/DD/YYYY': 'MM/DD/YYYY (03/31/2026)',
  'DD.MM.YYYY': 'DD.MM.YYYY (31.03.2026)',
  'excel-serial': 'Excel serial number (46112)',
};
const DATE_OPTIONS = DATE_FORMATS.map((value) => ({ value, label: DATE_LABELS[value] }));

const FEET_RE = /\b(ft|feet|foot)\b/i;

/**
 * One row per column of the supplier's file: what it maps to, beside a few of its
 * values, then how the file writes dates and numbers, and fixed values for
 * required columns the file does not have.
 */
export function MappingEditor({
  inspect,
  spec,
  kind,
  mapping,
  problems,
  onChange,
  disabled,
}: {
  inspect: InspectResult;
  spec: KindColumns;
  kind: ImportKind;
  mapping: ImportMapping;
  /** What the server would refuse in this mapping, from the same checks. */
  problems: MappingProblem[];
  onChange: (next: ImportMapping) => void;
  disabled?: boolean;
}) {
  const idPrefix = useId();
  const quantityColumns: readonly string[] = QUANTITY_COLUMNS[kind];
  const mapped = new Set(Object.values(mapping.columns).filter((c): c is string => !!c));
  const unmapped = spec.columns.filter((c) => !mapped.has(c));
  const flagged = new Set(problems.map((p) => p.column));

  const setColumn = (header: string, target: string) => onChange({ ...mapping, columns: { ...mapping.columns, [header]: target || null } });
  const setConstant = (column: string, value: string) => onChange({ ...mapping, constants: { ...mapping.constants, [column]: value } });
  const setFactor = (column: string, value: string) => onChange({ ...mapping, unitFactors: { ...mapping.unitFactors, [column]: value } });

  return (
    <fieldset className={styles.fieldset} disabled={disabled}>
      <legend className={styles.srOnly}>Column mapping</legend>
      <div className="table-wrap" style={{ maxHeight: 'none' }}>
        <table className="data" aria-label="Column mapping">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Sample values</th>
              <th scope="col">Maps to</th>
              <th scope="col">Unit factor</th>
            </tr>
          </thead>
          <tbody>
            {inspect.headers.map((header, index) => {
              const target = mapping.columns[header] ?? '';
              const samples = sampleValues(inspect, header);
              const isQuantity = quantityColumns.includes(target);
              const factor = isQuantity ? (mapping.unitFactors?.[target] ?? '') : '';
              const factorId = `${idPrefix}-factor-${index}`;
              return (
                <tr key={header} className={target ? undefined : styles.ignoredRow}>
                  <th scope="row" className={styles.sourceHeader}>
                    {header || <span className="muted">(no header)</span>}
                  </th>
                  <td className={styles.samples}>
                    {samples.length === 0 ? <span className="muted">(empty)</span> : samples.map((s, i) => (
                          <code key={i} title={s}>
                            {s}
                          </code>
                        ))}
                  </td>
                  <td>
                    <select
                      aria-label={`Map “${header}” to`}
                      value={target}
                      onChange={(e) => setColumn(header, e.target.value)}
                      className={`${styles.mapSelect} ${flagged.has(header) ? styles.invalid : ''}`}
                    >
                      <option value="">— ignore —</option>
                      {spec.columns.map((c) => (
                        <option key={c} value={c}>
                          {c}
                          {spec.required.includes(c) ? '' : ' (optional)'}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className={styles.factorCell}>
                    {isQuantity && (
                      <div className={styles.factor}>
                        <input
                          aria-label={`Unit factor for ${target}`}
                          aria-describedby={factorId}
                          inputMode="decimal"
                          placeholder="1"
                          value={factor}
                          size={8}
                          onChange={(e) => setFactor(target, e.target.value)}
                          aria-invalid={factor !== '' && !isValidFactor(factor)}
                          className={factor !== '' && !isValidFactor(factor) ? styles.invalid : undefined}
                        />
                        <span id={factorId} className="muted small">
                          {FEET_RE.test(header) ? 'The file is in feet: 0.3048 gives metres' : 'Multiplies each value, e.g. 0.3048 for feet → metres'}
                        </span>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className={styles.formatRow}>
        <OptionSelect label="Date format" value={mapping.dateFormat} options={DATE_OPTIONS} onChange={(dateFormat) => onChange({ ...mapping, dateFormat })} />
        <OptionSelect
          label="Decimal separator"
          value={mapping.decimalSeparator}
          options={DECIMAL_OPTIONS}
          onChange={(decimalSeparator) => onChange({ ...mapping, decimalSeparator })}
        />
        <OptionSelect
          label="Thousands separator"
          value={mapping.thousandsSeparator}
          options={THOUSANDS_OPTIONS}
          onChange={(thousandsSeparator) => onChange({ ...mapping, thousandsSeparator })}
        />
      </div>

      {unmapped.length > 0 && (
        <div className={styles.constants}>
          <h4>Columns the file does not have</h4>
          <p className="muted small">A fixed value applies to every row; leave optional ones blank for their default.</p>
          <div className={styles.formatRow}>
            {unmapped.map((c) => (
              <label key={c}>
                <span>
                  {c} {spec.required.includes(c) ? <span className={styles.req}>required</span> : <span className="muted">(optional)</span>}
                </span>
                <input aria-label={`Fixed value for ${c}`} value={mapping.constants?.[c] ?? ''} onChange={(e) => setConstant(c, e.target.value)} size={14} />
              </label>
            ))}
          </div>
        </div>
      )}

      {problems.length > 0 && (
        <div className="alert error" role="alert" aria-label="Mapping problems">
          <strong>Fix the mapping before previewing:</strong>
          <ul className={styles.problems}>
            {problems.map((p, i) => (
              <li key={i}>
                {p.column !== null && <code>{p.column}</code>} {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
