import { Link } from 'react-router';
import { itemCount } from './trashMessages';

/** What the selection bar and the viewer say after a move, with the way back. */
export function MovedToTrashNotice({ count }: { count: number }) {
  return (
    <>
      {itemCount(count)} moved to the <Link to="/trash">Trash</Link>.
    </>
  );
}
