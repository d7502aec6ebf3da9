import { apiFetch } from './apiFetch';
import type { UploadSettings } from './types';

export function fetchUploadSettings(): Promise<UploadSettings> {
  return apiFetch<UploadSettings>('/api/uploads');
}
