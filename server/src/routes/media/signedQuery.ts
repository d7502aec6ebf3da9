import { Type } from '@sinclair/typebox';

/** The query of every signed media URL: its token (checked by the auth hook before anything else). */
export const SignedQuery = Type.Object({
  t: Type.String({ minLength: 1, maxLength: 200, description: 'the signed media token from the URL the API gave' }),
});

export const mediaSecurity = [{ mediaToken: [] }];
