import type { FastifyPluginAsync } from 'fastify';
import { accessibilityRoutes } from './accessibility/routes.ts';
import { applicationRoutes } from './applications/routes.tsx';
import { callRoutes } from './calls/routes.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import { councilRoutes } from './council/routes.ts';
import { glossaryRoutes } from './glossary/routes.ts';
import { guidanceRoutes } from './guidance/routes.ts';
import { homeRoutes } from './home/routes.ts';
import { identityRoutes } from './identity/routes.tsx';
import { programmeRoutes } from './programmes/routes.ts';
import { questionRoutes } from './questions/routes.ts';
import { registryRoutes } from './registry/routes.tsx';
import { statisticsRoutes } from './statistics/routes.ts';

/** Every feature's routes; each feature folder exports one plugin. */
export const features: FastifyPluginAsync[] = [
  homeRoutes,
  programmeRoutes,
  callRoutes,
  identityRoutes,
  applicationRoutes,
  registryRoutes,
  catalogueRoutes,
  statisticsRoutes,
  guidanceRoutes,
  questionRoutes,
  glossaryRoutes,
  councilRoutes,
  accessibilityRoutes,
];
