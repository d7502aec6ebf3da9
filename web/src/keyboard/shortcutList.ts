/**
 * Every keyboard shortcut of the app, by where it works: the list the `?` dialog shows. A new
 * shortcut belongs here too, so people can find it.
 */
export const shortcutList: { area: string; keys: { keys: string; does: string }[] }[] = [
  {
    area: 'Gallery, favourites and albums',
    keys: [
      { keys: '/', does: 'Search' },
      { keys: 'Esc', does: 'Clear the search (in the search box); leave selection mode' },
      { keys: 's', does: 'Select items (again: stop selecting)' },
      { keys: 'Shift + click', does: 'Select everything from the last item touched to this one' },
      { keys: 'Ctrl/⌘ + A', does: 'Select every item loaded (while selecting)' },
      { keys: 'a', does: 'Add the selected items to an album' },
      { keys: '↑ / ↓', does: 'On the timeline (right edge): jump a month newer / older' },
      { keys: 'PageUp / PageDown', does: 'On the timeline: jump a year newer / older' },
      { keys: 'Home / End', does: 'On the timeline: the newest / oldest month' },
    ],
  },
  {
    area: 'Albums',
    keys: [
      { keys: 'n', does: 'New album (on the Albums page)' },
      { keys: 'e', does: 'Rename the album (on an album)' },
    ],
  },
  {
    area: 'Viewer',
    keys: [
      { keys: '← / →', does: 'Previous / next photo' },
      { keys: 'PageUp / PageDown', does: 'Previous / next item (also in videos)' },
      { keys: 'f', does: 'Favourite (in a video: full screen)' },
      { keys: 'a', does: 'Add to an album' },
      { keys: 'i', does: 'Details' },
      { keys: 'Esc', does: 'Close' },
    ],
  },
  {
    area: 'Slideshow (On this day, or the Slideshow button of any view)',
    keys: [
      { keys: 'Space / k', does: 'Pause / play' },
      { keys: '← / →', does: 'Previous / next (on a phone: swipe)' },
      { keys: 'Esc', does: 'Close' },
    ],
  },
  {
    area: 'Video player',
    keys: [
      { keys: 'Space / k', does: 'Play or pause' },
      { keys: '← / →', does: 'Back / forward 5 seconds' },
      { keys: 'j / l', does: 'Back / forward 10 seconds' },
      { keys: 'm', does: 'Mute' },
      { keys: 'f', does: 'Full screen' },
    ],
  },
  { area: 'Everywhere', keys: [{ keys: '?', does: 'This list' }] },
];
