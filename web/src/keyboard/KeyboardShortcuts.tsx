import { useEffect, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { isTyping } from './isTyping';
import { shortcutList } from './shortcutList';
import '../styles/shortcuts.css';

/** `?` (or the header's button, on screens with a keyboard) lists every shortcut. */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        className="button subtle shortcuts-button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => setOpen(true)}
      >
        ?
      </button>
      {open && (
        <Dialog title="Keyboard shortcuts" onClose={() => setOpen(false)}>
          {shortcutList.map((group) => (
            <section key={group.area} className="shortcut-group">
              <h3>{group.area}</h3>
              <dl>
                {group.keys.map((shortcut) => (
                  <div key={shortcut.keys + shortcut.does}>
                    <dt>
                      <kbd>{shortcut.keys}</kbd>
                    </dt>
                    <dd>{shortcut.does}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
