import { Type, type Static } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid', description: 'a UUID' });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({
        description:
          'AUTH_00x, SEC_00x, MEDIA_00x, UPLOAD_00x, DOWNLOAD_00x, TRASH_00x or SYSTEM_00x (ARCHITECTURE.md)',
      }),
      message: Type.String(),
      details: Type.Unknown(),
      timestamp: Type.String({ format: 'date-time' }),
    }),
  },
  { $id: 'ErrorResponse', title: 'Error' },
);

/** The error responses every route may give, referenced so the OpenAPI document shows them once. */
export const errorResponses = {
  '4xx': Type.Ref('ErrorResponse'),
  '5xx': Type.Ref('ErrorResponse'),
};

export const NoContent = Type.Null({ description: 'No content' });

export const UserView = Type.Object({
  id: Uuid,
  username: Type.String(),
  email: Type.String(),
  full_name: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('member')]),
});
export type UserView = Static<typeof UserView>;

/** A timestamp as the API writes it. */
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const IdParams = Type.Object({ id: Uuid });
