'use client';

import { useId, useState, type DragEvent } from 'react';
import styles from './imports.module.css';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A drop zone around an ordinary file input: drag a file in, or choose one. */
export function FileDrop({ file, onFile, disabled }: { file: File | null; onFile: (file: File) => void; disabled?: boolean }) {
  const inputId = useId();
  const [over, setOver] = useState(false);

  function drop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  }

  return (
    <div
      className={`${styles.drop} ${over ? styles.dropOver : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      aria-label="Drop a file here"
      role="group"
    >
      <div className={styles.dropIcon} aria-hidden="true">
        ⇪
      </div>
      {file ? (
        <div>
          <strong>{file.name}</strong> <span className="muted">· {size(file.size)}</span>
        </div>
      ) : (
        <div>
          <strong>Drop the supplier&apos;s file here</strong>
          <div className="muted small">CSV or TSV, as exported: any column names, delimiter and date format</div>
        </div>
      )}
      <input
        id={inputId}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
        className={styles.srOnly}
        disabled={disabled}
        aria-label="File to import"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) onFile(chosen);
          // Choosing the same (corrected) file again must fire change again.
          e.target.value = '';
        }}
      />
      <label htmlFor={inputId} className={`button secondary ${styles.chooseButton}`}>
        {file ? 'Choose another file' : 'Choose a file'}
      </label>
    </div>
  );
}
