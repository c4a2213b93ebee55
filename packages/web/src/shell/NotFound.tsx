import { Link } from 'react-router';

export function NotFound() {
  return (
    <main id="main">
      <h1>No such page</h1>
      <p>
        <Link to="/">Back to your cases</Link>
      </p>
    </main>
  );
}
