/**
 * Every error code the API answers with (ARCHITECTURE.md, Errors), its HTTP status
 * and the message a person sees when the code needs no more specific one. The design
 * document's codes keep its meanings (AUTH_001…004, MEDIA_001…004, SYSTEM_001/002); Keepsake's
 * own meanings have codes of their own after them.
 */
export const errorCatalog = {
  AUTH_001: { status: 401, message: 'Wrong username or password.' },
  AUTH_002: { status: 401, message: 'The access token has expired; refresh it.' },
  AUTH_003: { status: 401, message: 'Sign-in required: the token is missing or invalid.' },
  AUTH_004: { status: 401, message: 'This session has expired; please sign in again.' },
  AUTH_005: { status: 429, message: 'Too many sign-in attempts; try again later.' },
  AUTH_006: { status: 403, message: 'Only an administrator may do this.' },
  AUTH_007: { status: 401, message: 'This session has ended; please sign in again.' },
  AUTH_008: { status: 401, message: 'This account is disabled.' },
  SEC_001: { status: 403, message: 'Access denied: VPN connection required' },
  SEC_002: { status: 403, message: 'This media link is invalid or has expired; reload the page.' },
  MEDIA_001: { status: 404, message: 'No such media item.' },
  MEDIA_002: { status: 422, message: 'This item could not be processed.' },
  MEDIA_003: { status: 500, message: 'The stored file could not be decrypted.' },
  MEDIA_004: { status: 415, message: 'Unsupported or invalid file.' },
  MEDIA_005: { status: 500, message: 'The stored file could not be decoded.' },
  MEDIA_006: { status: 429, message: 'Too many videos are playing at once on this account.' },
  MEDIA_007: { status: 409, message: 'This item is still being processed.' },
  UPLOAD_001: { status: 413, message: 'This file is larger than uploads may be.' },
  UPLOAD_002: { status: 507, message: 'There is not enough free disk space for this upload.' },
  UPLOAD_003: { status: 403, message: 'Only an administrator may upload on this Keepsake.' },
  DOWNLOAD_001: { status: 403, message: 'Only an administrator may download on this Keepsake.' },
  TRASH_001: {
    status: 403,
    message: 'Members may trash, restore or delete only the items they uploaded; ask an administrator.',
  },
  SYSTEM_001: { status: 500, message: 'Something went wrong on the server.' },
  SYSTEM_002: { status: 500, message: 'The stored file could not be read.' },
  SYSTEM_003: { status: 400, message: 'The request is not valid.' },
  SYSTEM_004: { status: 404, message: 'No such route.' },
  SYSTEM_005: { status: 404, message: 'Not found.' },
  SYSTEM_006: { status: 409, message: 'That conflicts with the current state.' },
  SYSTEM_007: { status: 503, message: 'A service the server depends on is unavailable; try again shortly.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;
