export interface Shortcut {
  keys: string;
  does: string;
}

/**
 * One area's shortcuts from a table of lines `keys | what they do`: written as the `?` dialog
 * shows it, so adding one is adding a line.
 */
function area(name: string, table: string): { area: string; keys: Shortcut[] } {
  const keys = table
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keys = '', does = ''] = line.split(' | ');
      return { keys, does };
    });
  return { area: name, keys };
}

/**
 * Every keyboard shortcut of the app, by where it works: the list the `?` dialog shows. A new
 * shortcut belongs here too, so people can find it.
 */
export const shortcutList = [
  area(
    'Gallery, favourites and albums',
    `
    / | Search
    Esc | Clear the search (in the search box); leave selection mode
    s | Select items (again: stop selecting)
    Shift + click | Select everything from the last item touched to this one
    Ctrl/⌘ + A | Select every item loaded (while selecting)
    a | Add the selected items to an album
    ↑ / ↓ | On the timeline (right edge): jump a month newer / older
    PageUp / PageDown | On the timeline: jump a year newer / older
    Home / End | On the timeline: the newest / oldest month
    `,
  ),
  area(
    'Albums',
    `
    n | New album (on the Albums page)
    e | Rename the album (on an album)
    `,
  ),
  area(
    'Viewer',
    `
    ← / → | Previous / next photo
    PageUp / PageDown | Previous / next item (also in videos)
    f | Favourite (in a video too)
    a | Add to an album
    Delete / ⌘ + ⌫ | Move to the Trash (your uploads; admins: any item), then the next item
    i | Details
    Esc | Close
    `,
  ),
  area(
    'Slideshow (On this day, or the Slideshow button of any view)',
    `
    Space / k | Pause / play
    ← / → | Previous / next (on a phone: swipe)
    Esc | Close
    `,
  ),
  area(
    'Video player',
    `
    Space / k | Play or pause
    ← / → | Back / forward 5 seconds
    j / l | Back / forward 10 seconds
    m | Mute
    Shift + F | Full screen
    p | Picture in picture
    < / > | Slower / faster (0.5× to 2×)
    `,
  ),
  area('Everywhere', '? | This list'),
];
