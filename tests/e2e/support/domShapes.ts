/**
 * The few DOM properties the tests read inside the page. The Node typecheck has no DOM
 * library, so page functions describe what they touch structurally.
 */
export interface ImageShape {
  complete: boolean;
  naturalWidth: number;
  naturalHeight: number;
}

export interface VideoShape {
  currentTime: number;
  paused: boolean;
}
