import type { FastifyPluginAsync } from 'fastify';

/** Every feature's routes; each feature folder exports one plugin. */
export const features: FastifyPluginAsync[] = [];
