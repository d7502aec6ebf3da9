/** Most items one trash, restore or delete-forever request may name (the server's schema, the gallery's button). */
export const MAX_TRASH_ITEMS = 500;
