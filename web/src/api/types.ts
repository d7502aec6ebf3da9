/**
 * Shapes of the server's JSON, taken from its OpenAPI document (generated/openapi.ts, written
 * by `npm run api-types`): a schema changed on the server changes these, and the web no longer
 * compiles where it relied on the old shape. Only what the document cannot say is written here.
 */
import type { ProgressMessage, RenditionUrlField } from '@keepsake/contracts';
import type { paths } from './generated/openapi';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON a route answers with on success (200 or 201). */
type Answer<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? JsonOf<R extends { 200: infer Ok } ? Ok : R extends { 201: infer Created } ? Created : never>
  : never;
/** A GET route's query parameters, as its schema lists them. */
export type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

export type AuthSession = Answer<'/api/auth/login', 'post'>;
export type User = AuthSession['user'];
export type Role = User['role'];

/** The keyset form the web asks for (no `page`); `page` answers the design document's envelope. */
export type LibraryPage = Extract<Answer<'/api/media/library', 'get'>, { items: unknown }>;
export type MediaItem = LibraryPage['items'][number];
export type MediaType = MediaItem['type'];
type Holds<T extends true> = T;
/** Compiles only while the item type has the URL field of every rendition in the table. */
export type EveryRenditionTyped = Holds<[Exclude<RenditionUrlField, keyof MediaItem>] extends [never] ? true : false>;
export type LibrarySort = Exclude<NonNullable<Query<'/api/media/library'>['sort']>, 'created_at'>;
export type SortOrder = NonNullable<Query<'/api/media/library'>['order']>;
/** One month of the timeline scrubber: `YYYY-MM` (UTC) and its count. */
export type MonthCount = Answer<'/api/media/library/months', 'get'>['months'][number];
export type MediaDetails = Answer<'/api/media/{id}', 'get'>;
export type VideoVariant = MediaDetails['variants'][number];

/** A household album: GET /api/albums/:id (its items: the library with `album=`). */
export type Album = Answer<'/api/albums/{id}', 'get'>;
export type AlbumChange = NonNullable<paths['/api/albums/{id}']['patch']['requestBody']>['content']['application/json'];

export type DeviceSession = Answer<'/api/sessions', 'get'>['sessions'][number];

export type AdminUser = Answer<'/api/admin/users', 'get'>['users'][number];
export type QueueJob = Answer<'/api/admin/queue', 'get'>['jobs'][number];
export type QueueStatus = QueueJob['status'];
export type AuditPage = Answer<'/api/admin/audit', 'get'>;
export type AuditEntry = AuditPage['entries'][number];
export type AuditFilters = Pick<Query<'/api/admin/audit'>, 'user_id' | 'action' | 'from' | 'to'>;
/** GET /api/admin/status. */
export type SystemStatus = Answer<'/api/admin/status', 'get'>;
/** GET /api/admin/storage. */
export type StorageUse = Answer<'/api/admin/storage', 'get'>;

/**
 * The processor's progress message as the server relays it (`event: progress`, an event stream,
 * which the OpenAPI document does not describe), with the job id as text: it keys a Map.
 */
export type ProgressEvent = Omit<ProgressMessage, 'jobId'> & { jobId: string };

export type UploadSettings = Answer<'/api/uploads', 'get'>;
/** On this day: one earlier year's items. */
export type MemoryGroup = Answer<'/api/media/library/on-this-day', 'get'>['groups'][number];
/** Continue watching: a half-watched video and where to resume it. */
export type UnfinishedVideo = Answer<'/api/media/library/continue-watching', 'get'>['items'][number];

export type TrashPage = Answer<'/api/trash', 'get'>;
export type TrashItem = TrashPage['items'][number];
