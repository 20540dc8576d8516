import path from 'node:path';
import { LmsApiClient } from '../../lms/lms-api.js';
import { readStructureFiles, type StructureDocuments } from './structure-files.js';

export interface StructureSourceSettings {
  /** A folder with course_list.json and course_blocks.json. */
  readonly files?: string;
  /** The LMS REST API, signed in with an OAuth2 client (client credentials). */
  readonly api?: { readonly url: string; readonly clientId?: string; readonly clientSecret?: string };
}

/** Where the course structure comes from: files when given, else the LMS API when configured, else nowhere. */
export function structureSource(settings: StructureSourceSettings): (() => Promise<StructureDocuments>) | undefined {
  if (settings.files) {
    const folder = settings.files;
    return () => readStructureFiles({ courseList: path.join(folder, 'course_list.json'), courseBlocks: path.join(folder, 'course_blocks.json') });
  }
  const api = settings.api;
  if (!api) return undefined;
  if (!api.clientId || !api.clientSecret) {
    return async () => {
      throw new Error(`the LMS API ${api.url} needs an OAuth2 client: set [edx-rest-api] client_id and client_secret`);
    };
  }
  const client = new LmsApiClient({ baseUrl: api.url, clientId: api.clientId, clientSecret: api.clientSecret });
  return () => client.structure();
}
