import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="page narrow" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Nothing here</h1>
      <p>That page does not exist.</p>
      <p>
        <Link to="/">Back to the gallery</Link>
      </p>
    </section>
  );
}
