import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';
import { isValidCourseKey } from './legacy/course-key.js';
import { csvFileName, toCsv } from './legacy/csv.js';

export interface ListOptions {
  /** The legacy CSV file name's slug (`edX-DemoX-Demo_Course--{slug}.csv`); absent: no file name is offered. */
  readonly csvSlug?: string;
  readonly courseId?: string;
  /** What was asked for, for the 404 message. */
  readonly what: string;
}

/** Whether the client asked for CSV: `Accept: text/csv` or `?format=csv`. */
export function wantsCsv(request: FastifyRequest): boolean {
  const format = (request.query as { format?: unknown } | undefined)?.format;
  if (format === 'csv') return true;
  if (format === 'json') return false;
  const accept = request.headers.accept ?? '';
  return accept.split(',')[0]!.split(';')[0]!.trim().toLowerCase() === 'text/csv';
}

/**
 * Sends a list as JSON or CSV; an empty list is 404, as the legacy API answered. The CSV is named after the course
 * only when the Accept header asked for exactly text/csv (the legacy rule).
 */
export function sendList(request: FastifyRequest, reply: FastifyReply, items: readonly object[], options: ListOptions): FastifyReply {
  if (items.length === 0) throw new ApiError('not_found', `No ${options.what} found.`);
  return sendData(request, reply, items, options);
}

/** Sends an object or a list as JSON or CSV. */
export function sendData(request: FastifyRequest, reply: FastifyReply, data: unknown, options: Omit<ListOptions, 'what'> = {}): FastifyReply {
  if (!wantsCsv(request)) return reply.send(data);
  const fields = (request.query as { fields?: unknown } | undefined)?.fields;
  reply.type('text/csv; charset=utf-8');
  if (options.csvSlug && options.courseId && isValidCourseKey(options.courseId) && request.headers.accept?.trim().toLowerCase() === 'text/csv') {
    reply.header('content-disposition', `attachment; filename=${csvFileName(options.courseId, options.csvSlug)}`);
  }
  return reply.send(toCsv(data, typeof fields === 'string' && fields !== '' ? fields.split(',') : undefined));
}
