import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '../auth/access.decorator.js';

export interface RouteInfo {
  method: string;
  /** Full path with the global prefix, params as `:name`. */
  path: string;
  rule: AccessRule | undefined;
}

const join = (...parts: string[]) =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/** Every route the app serves, read from Nest's own controller metadata. */
export function routeInventory(app: INestApplication, prefix = 'api'): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = (Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | undefined) ?? '';
    const proto = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      routes.push({
        method: RequestMethod[method],
        // Well-known URLs are served outside the /api prefix (see app.factory.ts).
        path: base.startsWith('.well-known') ? join(base, path) : join(prefix, base, path),
        rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, wrapper.metatype]),
      });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Fails boot when a route has no access rule: "denied by default" should never be discovered in production. */
export function assertEveryRouteHasAccessRule(app: INestApplication): void {
  const open = routeInventory(app).filter((r) => !r.rule);
  if (open.length > 0) throw new Error(`Routes without @Authenticated or @Public: ${open.map((r) => `${r.method} ${r.path}`).join(', ')}`);
}
