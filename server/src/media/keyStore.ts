/** The part of the key store (database/src/keys) the server uses. */
export interface ContentKey {
  id: string;
  mediaId: string;
  purpose: 'hls' | 'storage';
  generation: number;
  key: Buffer;
}

export interface KeyStore {
  get(keyId: string): Promise<ContentKey | undefined>;
}
