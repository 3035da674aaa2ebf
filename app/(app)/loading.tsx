export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="skeleton" style={{ display: 'block', height: 28, width: 240, marginBottom: 16 }} />
      <span className="skeleton" style={{ display: 'block', height: 320 }} />
      <span className="sr-only" style={{ position: 'absolute', left: -9999 }}>Loading…</span>
    </div>
  );
}
