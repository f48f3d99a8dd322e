/**
 * Types read off the generated OpenAPI description (generated/openapi.ts), so the client and the web
 * name a route, a parameter, a body or an answer only as the API publishes it.
 */
import type { paths } from './generated/openapi.js';

export type { paths };
export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';
export type ApiPath = keyof paths;

/** The paths that answer this method. */
export type PathWith<M extends HttpMethod> = { [P in ApiPath]: paths[P][M] extends { responses: unknown } ? P : never }[ApiPath];

export type Operation<P extends ApiPath, M extends HttpMethod> = Extract<paths[P][M], { responses: unknown }>;

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type SuccessStatus = 200 | 201 | 202 | 204;
type Responses<O> = O extends { responses: infer R } ? R : never;

/** The JSON a route answers on success (`void` for 204). */
export type ResponseOf<P extends ApiPath, M extends HttpMethod> = {
  [S in keyof Responses<Operation<P, M>> & SuccessStatus]: S extends 204 ? void : Json<Responses<Operation<P, M>>[S]>;
}[keyof Responses<Operation<P, M>> & SuccessStatus];

type Parameters<O, In extends 'path' | 'query'> = O extends { parameters: infer Ps } ? (Ps extends { [K in In]?: infer X } ? X : never) : never;

export type PathParamsOf<P extends ApiPath, M extends HttpMethod> = Parameters<Operation<P, M>, 'path'>;
export type QueryOf<P extends ApiPath, M extends HttpMethod> = NonNullable<Parameters<Operation<P, M>, 'query'>>;
export type BodyOf<P extends ApiPath, M extends HttpMethod> = Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
