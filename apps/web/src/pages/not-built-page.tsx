import { Link } from '../app/router';
import { useTitle } from '../app/use-title';

/** Stands in for the pages of issue 4 that are not built yet (map editor, presentation, print, share view). */
export function NotBuiltPage({ what, ws }: { what: string; ws?: string }) {
  useTitle(what);
  return (
    <div className="narrow">
      <h1>{what}</h1>
      <p>This page is not built yet.</p>
      {ws ? <Link to={{ page: 'home', ws }}>Back to journeys</Link> : null}
    </div>
  );
}
