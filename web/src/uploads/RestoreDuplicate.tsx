import { useMutation, useQueryClient } from '@tanstack/react-query';
import { restoreFromTrash } from '../api/trash';
import { trashErrorMessage } from '../trash/trashMessages';
import { uploadStore, type UploadEntry } from './uploadStore';

/**
 * An upload whose content is a trashed item: "already in the library" would send the person
 * looking for it in vain, so it says where it is and brings it back (members: their own
 * uploads; the server says no otherwise, and that is shown).
 */
export function RestoreDuplicate({ entry }: { entry: UploadEntry }) {
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: restoreFromTrash,
    onSuccess: async () => {
      uploadStore.restored(entry.key);
      await queryClient.invalidateQueries();
    },
  });
  const { mediaId } = entry;
  return (
    <>
      Already in Trash
      {mediaId && (
        <>
          {' · '}
          <button
            type="button"
            className="link-button"
            disabled={restore.isPending}
            onClick={() => restore.mutate([mediaId])}
          >
            Restore
          </button>
        </>
      )}
      {restore.isError && <> · {trashErrorMessage(restore.error, 'restore')}</>}
    </>
  );
}
