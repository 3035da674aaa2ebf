'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ColumnDef } from '@/lib/tables/types';
import { cellInputText } from './cell-text';
import { parseCellInput } from './change-set';
import styles from './data-grid.module.css';

/**
 * The editor in the active cell: a date picker, a number, a list of values or text,
 * checked as it is committed. Enter commits (and moves down), Tab commits and moves
 * on, Esc cancels.
 */
export function CellEditor({
  column,
  label,
  value,
  onCommit,
  onCancel,
}: {
  column: ColumnDef;
  label: string;
  value: unknown;
  onCommit: (raw: string, how: 'enter' | 'tab') => void;
  onCancel: () => void;
}) {
  const [raw, setRaw] = useState(cellInputText(value));
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const el: HTMLElement | null = ref.current;
    if (el instanceof HTMLInputElement && el.type === 'text') el.select();
  }, []);
  const edit = column.edit!;
  const errorId = `${label.replace(/\W+/g, '-')}-error`;

  function onKeyDown(e: KeyboardEvent) {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
      return;
    }
    if (e.key !== 'Enter' && e.key !== 'Tab') return;
    e.preventDefault();
    const parsed = parseCellInput(edit, column.options, raw);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    onCommit(raw, e.key === 'Enter' ? 'enter' : 'tab');
  }

  const common = {
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    className: styles.editor,
    onKeyDown,
  };
  return (
    <>
      {edit.input === 'enum' ? (
        <select ref={ref} value={raw} onChange={(e) => setRaw(e.target.value)} {...common}>
          {(column.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          ref={ref}
          type={edit.input === 'date' ? 'date' : 'text'}
          inputMode={edit.input === 'count' ? 'numeric' : edit.input.endsWith('ecimal') ? 'decimal' : undefined}
          value={raw}
          onChange={(e) => {
            setRaw(e.target.value);
            setError(null);
          }}
          {...common}
        />
      )}
      {error ? (
        <span id={errorId} role="alert" className={styles.editorError}>
          {error}
        </span>
      ) : null}
    </>
  );
}
