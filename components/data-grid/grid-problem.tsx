/** Says why the URL's filters were dropped (a hand-edited or outdated link), instead of failing the page. */
export function GridProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <div className="alert info" role="status">
      The link’s filters could not be used ({problem}), so the whole table is shown.
    </div>
  );
}
