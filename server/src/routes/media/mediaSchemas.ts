import { Type } from '@sinclair/typebox';
import { segmentFilePattern, variantNamePattern } from '@keepsake/contracts';
import { Uuid } from '../../schemas/common.js';

/** The query of every signed media URL: its token (checked by the auth hook before anything else). */
export const SignedQuery = Type.Object(
  {
    t: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'the signed media token from the URL the API gave; without it, send Authorization: Bearer',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Either the signed URL or the access token (the design document's clients). */
export const mediaSecurity: { [scheme: string]: string[] }[] = [{ mediaToken: [] }, { bearer: [] }];

/** An item's HLS variant in one key generation: /…/:id/g:generation/:variant. */
export const VariantParams = Type.Object({
  id: Uuid,
  generation: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  variant: Type.String({ pattern: variantNamePattern.source }),
});

export const SegmentParams = Type.Composite([
  VariantParams,
  Type.Object({ file: Type.String({ pattern: segmentFilePattern.source }) }),
]);
