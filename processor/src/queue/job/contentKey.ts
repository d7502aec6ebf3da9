import type { KeyPurpose } from '@keepsake/database';
import type { ContentKey, KeyStore } from '@keepsake/vault';

export async function contentKey(
  keyStore: KeyStore,
  mediaId: string,
  purpose: KeyPurpose,
  generation: number,
): Promise<ContentKey> {
  // A crashed attempt may have made the key already; one key per item, purpose and generation.
  return (await keyStore.forMedia(mediaId, purpose, generation)) ?? keyStore.create(mediaId, purpose, generation);
}
