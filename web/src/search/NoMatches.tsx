/** A search that found nothing: say what was searched for, and offer the way back. */
export function NoMatches({ q, onClear }: { q: string; onClear: () => void }) {
  return (
    <div className="empty-state" role="status">
      <h2>Nothing matches “{q}”</h2>
      <p>
        Search looks in file names, captions and camera names, and understands dates such as <em>2024</em>,{' '}
        <em>June 2023</em> or <em>2024-06-01..2024-06-30</em>. Every word has to match.
      </p>
      <p>
        <button type="button" className="button" onClick={onClear}>
          Clear the search
        </button>
      </p>
    </div>
  );
}
