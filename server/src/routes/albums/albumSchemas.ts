import { Type } from '@sinclair/typebox';
import { Uuid } from '../../schemas/common.js';

export const AlbumName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
export const AlbumDescription = Type.String({ maxLength: 2000 });

export const AlbumItemParams = Type.Object({ id: Uuid, mediaId: Uuid });
