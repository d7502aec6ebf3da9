import type { MediaDetails } from '../api/types';
import { DownloadIcon } from '../components/icons';

/**
 * The item's original, byte for byte under its own name: a plain link to its signed URL (the
 * server sends it as an attachment). Without a URL the original was not kept, or this
 * Keepsake lets only administrators download.
 */
export function DownloadOriginalButton({ details }: { details: MediaDetails }) {
  if (!details.original_url) {
    return (
      <button
        type="button"
        className="icon-button"
        aria-label="Download"
        title="The original cannot be downloaded: it was not kept, or only administrators may download"
        disabled
      >
        <DownloadIcon />
      </button>
    );
  }
  return (
    <a
      className="icon-button"
      href={details.original_url}
      download={details.original_name}
      aria-label="Download"
      title="Download the original"
    >
      <DownloadIcon />
    </a>
  );
}
