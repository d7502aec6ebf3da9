import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001_initial.js';
import * as keyRotation from './0002_key_rotation.js';
import * as sessionsOneLivePerDevice from './0003_sessions_one_live_per_device.js';
import * as mediaGalleryCounts from './0004_media_gallery_counts.js';
import * as favourites from './0005_favourites.js';
import * as search from './0006_search.js';
import * as albums from './0007_albums.js';
import * as uploadedBy from './0008_uploaded_by.js';
import * as auditUserAgent from './0009_audit_user_agent.js';
import * as continueWatching from './0010_continue_watching.js';
import * as trash from './0011_trash.js';
import * as rawPairs from './0015_raw_pairs.js';
import * as trickplay from './0016_trickplay.js';
import * as subtitles from './0018_subtitles.js';
import * as livePhotos from './0019_live_photos.js';

/**
 * Migrations are listed here rather than read from a folder, so they work the same
 * from TypeScript sources, compiled output and a container image. Forward-only: append.
 */
const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_key_rotation': keyRotation,
  '0003_sessions_one_live_per_device': sessionsOneLivePerDevice,
  '0004_media_gallery_counts': mediaGalleryCounts,
  '0005_favourites': favourites,
  '0006_search': search,
  '0007_albums': albums,
  '0008_uploaded_by': uploadedBy,
  '0009_audit_user_agent': auditUserAgent,
  '0010_continue_watching': continueWatching,
  '0011_trash': trash,
  '0015_raw_pairs': rawPairs,
  '0016_trickplay': trickplay,
  '0018_subtitles': subtitles,
  '0019_live_photos': livePhotos,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
