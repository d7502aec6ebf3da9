import { ApiError } from '../api/ApiError';

export const itemCount = (n: number) => (n === 1 ? '1 item' : `${n.toLocaleString()} items`);

/** What to tell the person when the server said no. */
export function trashErrorMessage(error: unknown, action: string): string {
  if (error instanceof ApiError && error.code === 'TRASH_001') {
    return `You can ${action} only the items you uploaded; ask an administrator for the others.`;
  }
  return error instanceof ApiError ? error.message : `Could not ${action} the items.`;
}
