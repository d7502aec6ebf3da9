import { Type } from '@sinclair/typebox';
import { albums } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { errorResponses, IdParams, NoContent, Uuid } from '../../schemas/common.js';
import { requireAlbum } from '../../albums/requireAlbum.js';
import { AlbumView, albumViews } from '../../views/albumView.js';
import { AlbumDescription, AlbumName } from './albumSchemas.js';

/** Albums are the household's: every member sees, makes, changes and deletes them. */
export function albumRoutes(app: App): void {
  app.get(
    '/api/albums',
    {
      schema: {
        tags: ['albums'],
        summary: 'Every album, most recently changed first, with its cover and count',
        response: { 200: Type.Object({ albums: Type.Array(AlbumView) }), ...errorResponses },
      },
    },
    async (request) => ({ albums: await albumViews(app, request.auth!.sessionId, await albums.listAlbums(app.db)) }),
  );

  app.get(
    '/api/albums/:id',
    {
      schema: {
        tags: ['albums'],
        summary: 'One album (its items: GET /api/media/library?album=:id)',
        params: IdParams,
        response: { 200: AlbumView, ...errorResponses },
      },
    },
    async (request) => {
      const album = await requireAlbum(app.db, request.params.id);
      return (await albumViews(app, request.auth!.sessionId, [album]))[0]!;
    },
  );

  app.post(
    '/api/albums',
    {
      schema: {
        tags: ['albums'],
        summary: 'A new, empty album',
        body: Type.Object(
          { name: AlbumName, description: Type.Optional(AlbumDescription) },
          { additionalProperties: false },
        ),
        response: { 201: AlbumView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { name, description } = request.body;
      const id = await albums.createAlbum(app.db, { name: name.trim(), description, createdBy: request.auth!.userId });
      request.audit({ action: 'album.create', details: { album_id: id } });
      const album = await requireAlbum(app.db, id);
      return reply.code(201).send((await albumViews(app, request.auth!.sessionId, [album]))[0]!);
    },
  );

  app.patch(
    '/api/albums/:id',
    {
      schema: {
        tags: ['albums'],
        summary: 'Rename, describe, or pick the cover (an item of the album; null: back to the first item)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(AlbumName),
            description: Type.Optional(AlbumDescription),
            cover_media_id: Type.Optional(Type.Union([Uuid, Type.Null()])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AlbumView, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { name, description, cover_media_id } = request.body;
      await requireAlbum(app.db, id);
      if (cover_media_id && !(await albums.isInAlbum(app.db, id, cover_media_id))) {
        throw new ApiError('SYSTEM_003', 'The cover must be an item of the album.', { cover_media_id });
      }
      await albums.updateAlbum(app.db, id, { name: name?.trim(), description, cover_media_id });
      request.audit({ action: 'album.update', details: { album_id: id, fields: Object.keys(request.body) } });
      return (await albumViews(app, request.auth!.sessionId, [await requireAlbum(app.db, id)]))[0]!;
    },
  );

  app.delete(
    '/api/albums/:id',
    {
      schema: {
        tags: ['albums'],
        summary: 'Delete the album (its media stay in the gallery)',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!(await albums.deleteAlbum(app.db, request.params.id))) throw new ApiError('SYSTEM_005', 'No such album.');
      request.audit({ action: 'album.delete', details: { album_id: request.params.id } });
      return reply.code(204).send(null);
    },
  );
}
