/** The most items one zip download may hold: the server's request schema and the gallery's button. */
export const MAX_DOWNLOAD_ITEMS = 500;
