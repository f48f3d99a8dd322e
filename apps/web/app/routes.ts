import { flatRoutes } from '@remix-run/fs-routes';
import type { RouteConfig } from '@remix-run/route-config';

// File-system routes under app/routes (Remix "flat routes" naming).
export default flatRoutes() satisfies RouteConfig;
