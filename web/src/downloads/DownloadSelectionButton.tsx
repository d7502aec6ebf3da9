import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MAX_DOWNLOAD_ITEMS } from '@keepsake/contracts';
import { prepareZipDownload } from '../api/downloads';
import { ApiError } from '../api/ApiError';
import { SelectionLimitButton } from '../selection/SelectionLimitButton';
import type { Selection } from '../selection/useSelection';
import { startDownload } from './startDownload';

interface Props {
  selection: Selection;
  report: (message: ReactNode) => void;
}

/** The selection's originals as one zip (the browser downloads it while the server writes it). */
export function DownloadSelectionButton({ selection, report }: Props) {
  const chosen = selection.ids;
  const download = useMutation({
    mutationFn: prepareZipDownload,
    onSuccess: (url) => {
      startDownload(url);
      report(`Downloading ${chosen.length === 1 ? '1 item' : `${chosen.length.toLocaleString()} items`} as a zip.`);
    },
    onError: (error) => report(error instanceof ApiError ? error.message : 'The download could not be started.'),
  });
  return (
    <SelectionLimitButton
      chosen={chosen}
      limit={MAX_DOWNLOAD_ITEMS}
      busy={download.isPending}
      title="Download the originals as one zip"
      onClick={() => download.mutate(chosen)}
    >
      Download
    </SelectionLimitButton>
  );
}
