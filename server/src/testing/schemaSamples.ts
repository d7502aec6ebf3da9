import { randomUUID } from 'node:crypto';

/** A JSON Schema as @fastify/swagger writes it into the OpenAPI document. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  $ref?: string;
}

/** Strings that satisfy the patterns the API uses, tried in turn. */
const patternSamples = ['abc', 'auth.login', 'device-1', 'seg_00000.ts'];

/** A value the schema accepts, as far as a small generator can tell: the fuzz test's baseline. */
export function sampleValue(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return sampleValue(choice.find((option) => option.type !== 'null') ?? choice[0]!);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => sampleValue(part) as object));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'null':
      return null;
    default:
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [name, sampleValue(property)]),
      );
  }
}

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.format === 'date') return new Date().toISOString().slice(0, 10);
  const fits = (value: string) =>
    (!schema.pattern || new RegExp(schema.pattern, 'u').test(value)) &&
    value.length >= (schema.minLength ?? 0) &&
    value.length <= (schema.maxLength ?? Infinity);
  const candidates = [...patternSamples, 'x'.repeat(Math.max(schema.minLength ?? 1, 1))];
  return candidates.find(fits) ?? 'abc';
}

/** Values of every other JSON type than the schema's, plus a huge string: what a careless or hostile client sends. */
export function wrongValues(schema: JsonSchema): unknown[] {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const all: Record<string, unknown> = {
    string: 'not-what-you-want',
    number: -123.5,
    integer: 1e21,
    boolean: false,
    object: { nested: { deeper: [1, 2, 3] } },
    array: ['a', 1, null],
    null: null,
  };
  return [
    ...Object.entries(all)
      .filter(([name]) => name !== type && !(type === 'number' && name === 'integer'))
      .map(([, value]) => value),
    'x'.repeat(200_000),
    '../../../../etc/passwd',
    '\u0000\uffff💥',
  ];
}
