'use client';

export default function WorkspaceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="alert error">
      <h2 style={{ marginTop: 0 }}>This page could not load its data</h2>
      <p>
        {error.digest ? `The server logged the details (reference ${error.digest}).` : error.message}
      </p>
      <button onClick={reset}>Try again</button>
    </div>
  );
}
