import { ApiError, NetworkError } from '../api/ApiError';

interface Props {
  error: unknown;
  /** What failed, for the sentence: "Couldn't load your library". */
  action: string;
  onRetry?: () => void;
}

/** A failure said plainly, with a way to try again: never a blank box. */
export function ErrorNotice({ error, action, onRetry }: Props) {
  return (
    <div className="notice error" role="alert">
      <p>
        Couldn’t {action}. {describe(error)}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

function describe(error: unknown): string {
  if (error instanceof NetworkError) return error.message;
  if (error instanceof ApiError) {
    if (error.status >= 500) return 'The server had a problem; it may be starting up.';
    return error.message;
  }
  return 'Something unexpected went wrong.';
}
