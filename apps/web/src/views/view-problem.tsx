import { Link } from '../app/router';

/** Why a view cannot be shown, with the way back. */
export function ViewProblem({
  title,
  message,
  ws,
  id,
}: {
  title: string;
  message: string;
  ws?: string;
  id?: string;
}) {
  return (
    <div className="narrow">
      <h1>{title}</h1>
      <p>{message}</p>
      {ws && id ? (
        <p>
          <Link to={{ page: 'editor', ws, id }}>Back to the journey</Link>
        </p>
      ) : null}
      {ws ? (
        <p>
          <Link to={{ page: 'home', ws }}>Back to journeys</Link>
        </p>
      ) : null}
    </div>
  );
}
