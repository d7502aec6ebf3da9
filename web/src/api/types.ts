/** Shapes of the server's JSON (snake_case, as ARCHITECTURE.md's HTTP API section). */

export type Role = 'admin' | 'member';

export interface User {
  id: string;
  username: string;
  email: string;
  full_name: string;
  role: Role;
}

export interface AuthSession {
  access_token: string;
  expires_in: number;
  session_id: string;
  user: User;
}

export type MediaType = 'image' | 'video';
export type LibrarySort = 'taken' | 'created' | 'name';
export type SortOrder = 'asc' | 'desc';

export interface MediaItem {
  id: string;
  type: MediaType;
  original_name: string;
  mime: string | null;
  size: number;
  width: number | null;
  height: number | null;
  duration: number | null;
  taken_at: string | null;
  created_at: string;
  /** One of the signed-in person's favourites. */
  is_favourite: boolean;
  thumbnail_url: string | null;
  image_url: string | null;
  preview_url: string | null;
  scene_preview_url: string | null;
  poster_url: string | null;
  stream_url: string | null;
}

export interface VideoVariant {
  name: string;
  width: number;
  height: number;
  bandwidth: number;
}

export interface MediaDetails extends MediaItem {
  metadata: Record<string, unknown>;
  variants: VideoVariant[];
  resume_position: number | null;
  /** The kept original, for admins (null otherwise); its token opens nothing else. */
  original_url: string | null;
}

export interface LibraryPage {
  items: MediaItem[];
  next_cursor: string | null;
  total: number;
}

export interface DeviceSession {
  id: string;
  device_name: string;
  device_type: string;
  ip: string | null;
  user_agent: string | null;
  last_activity_at: string;
  created_at: string;
  current: boolean;
}

/** The Redis progress message the server relays as `event: progress`. */
export interface ProgressEvent {
  jobId: string;
  mediaId: string | null;
  file: string;
  stage: string;
  percent: number;
  status: 'queued' | 'processing' | 'completed' | 'failed';
  error?: string;
}

export interface AdminUser extends User {
  is_active: boolean;
  last_login_at: string | null;
  created_at: string;
}

export type QueueStatus = 'queued' | 'processing' | 'completed' | 'failed';

export interface QueueJob {
  id: number;
  path: string;
  size: number;
  status: QueueStatus;
  attempts: number;
  max_attempts: number;
  stage: string | null;
  progress: number | null;
  error: string | null;
  error_code: string | null;
  media_id: string | null;
  failed_path: string | null;
  queued_at: string;
  started_at: string | null;
  completed_at: string | null;
  updated_at: string;
}

export interface AuditEntry {
  id: number;
  user_id: string | null;
  username?: string | null;
  session_id: string | null;
  media_id: string | null;
  action: string;
  client_ip: string | null;
  via_vpn: boolean;
  status: number | null;
  details: Record<string, unknown>;
  created_at: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  next_cursor: string | null;
}

export interface AuditFilters {
  user_id?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** GET /api/admin/status. */
export interface SystemStatus {
  allowlist: { seen: number; sees_real_clients: boolean; warning: string | null; recent: string[] };
  processor: {
    alive: boolean;
    workers: {
      worker_id: string;
      host: string | null;
      pid: number | null;
      started_at: string | null;
      at: string | null;
    }[];
  };
  key_rotation: { last_run: string | null; next_due: string | null; overdue: boolean; active_keys: number };
  /** Everything an admin should act on, in words (allowlist, processor, rotation). */
  warnings: string[];
}

/** GET /api/admin/storage. */
export interface StorageUse {
  media: { type: MediaType | null; status: string; count: number; original_bytes: number }[];
  assets: { total_bytes: number; by_folder: Record<string, number>; files: number; measured_at: string };
  disk: { total_bytes: number; free_bytes: number } | null;
}
