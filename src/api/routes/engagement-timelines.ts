import type { FastifyPluginAsync } from 'fastify';
import type { RouteOptions } from './protected.js';

// Placeholder: being written.
export const engagementTimelineRoutes: FastifyPluginAsync<RouteOptions> = async () => {};
