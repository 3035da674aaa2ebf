import styles from './imports.module.css';

const TITLES: Record<string, string> = {
  committed: 'Written to the database',
  failed: 'Refused or cut off: nothing was written',
  reverted: 'Written, then undone',
  running: 'Still being written',
};

/** A batch's status: committed, failed, reverted or running. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={styles.status} data-status={status} title={TITLES[status]}>
      {status}
    </span>
  );
}
