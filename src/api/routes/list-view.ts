import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendList } from '../respond.js';
import { FORMAT_QUERY, listResponses } from '../schemas.js';

/**
 * The legacy `APIListView` (course_summaries, programs): ids, `fields` and `exclude`, by GET in the query string or
 * by POST in a JSON or form-encoded body (for long id lists; POST changes nothing), with the same answer either way.
 */

/** A parameter sent as it is (not a list). */
export interface PlainParam {
  readonly description: string;
  readonly example?: string;
}

/** What a list request asked for, from the query string or the body alike. */
export interface ListRequest {
  /** The ids asked for; undefined when none were given (every one). */
  readonly ids: readonly string[] | undefined;
  /** The keys to keep; undefined: all. */
  readonly fields: readonly string[] | undefined;
  readonly exclude: readonly string[];
  /** The plain parameters as sent. */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface ListView {
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly ids: { readonly name: string; readonly description: string; readonly example: string };
  readonly params: Readonly<Record<string, PlainParam>>;
  /** The item's response schema: no key is required, since `fields` and `exclude` drop some. */
  readonly item: object;
  /** What the list holds, for the 404 message. */
  readonly what: string;
  /** The items, whole; `fields` and `exclude` are applied to their top-level keys afterwards. */
  answer(list: ListRequest, request: FastifyRequest): Promise<object[]>;
}

type Values = Readonly<Record<string, unknown>>;

/** Registers GET and POST `view.path`. */
export function registerListView(app: FastifyInstance, view: ListView): void {
  const schema = { tags: ['summaries'], description: view.description, response: listResponses(view.item, view.summary) };
  const respond = async (request: FastifyRequest, reply: FastifyReply, values: Values) => {
    const list = listRequestOf(view, values);
    const items = await view.answer(list, request);
    return sendList(request, reply, items.map((item) => selectKeys(item, list.fields, list.exclude)), { what: view.what });
  };
  app.get(view.path, { schema: { ...schema, summary: view.summary, querystring: queryStringSchema(view) } }, (request, reply) =>
    respond(request, reply, request.query as Values),
  );
  app.post(
    view.path,
    {
      schema: { ...schema, summary: `${view.summary} (parameters in a JSON or form body)`, querystring: { $ref: 'FormatQuery#' }, body: bodySchema(view) },
      // A POST without a body asks for everything, as a GET without parameters.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    (request, reply) => respond(request, reply, request.body as Values),
  );
}

/** The item with only the keys `fields` names (all when undefined), minus those `exclude` names. */
export function selectKeys(item: object, fields: readonly string[] | undefined, exclude: readonly string[]): object {
  return Object.fromEntries(Object.entries(item).filter(([key]) => (fields === undefined || fields.includes(key)) && !exclude.includes(key)));
}

function listRequestOf(view: ListView, values: Values): ListRequest {
  return {
    ids: listValue(values[view.ids.name]),
    fields: listValue(values['fields']),
    exclude: listValue(values['exclude']) ?? [],
    params: Object.fromEntries(Object.keys(view.params).map((name) => [name, values[name]])),
  };
}

/** `a,b` or `['a', 'b,c']` as `['a', 'b', 'c']`; nothing (or only commas) is undefined. */
function listValue(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = [value].flat().flatMap((part) => String(part).split(',')).map((part) => part.trim()).filter((part) => part !== '');
  return items.length > 0 ? items : undefined;
}

const FIELDS = 'The keys to keep (others are left out).';
const EXCLUDE = 'The keys to leave out.';

function queryStringSchema(view: ListView) {
  const commaList = (description: string, example?: string) => ({ type: 'string', description: `${description} Comma-separated.`, example });
  return {
    type: 'object',
    properties: {
      [view.ids.name]: commaList(view.ids.description, view.ids.example),
      fields: commaList(`${FIELDS} For CSV, also the column order.`),
      exclude: commaList(EXCLUDE),
      ...Object.fromEntries(Object.entries(view.params).map(([name, param]) => [name, { type: 'string', ...param }])),
      format: FORMAT_QUERY.properties.format,
    },
  };
}

function bodySchema(view: ListView) {
  const list = (description: string) => ({ type: 'array', items: { type: 'string' }, description: `${description} A list, or one comma-separated string.` });
  return {
    type: 'object',
    properties: {
      [view.ids.name]: list(view.ids.description),
      fields: list(FIELDS),
      exclude: list(EXCLUDE),
      ...view.params,
    },
  };
}
