import { forwardPublicDocument } from '../lib/credentials-public.server';

/** The issuer's public keys (JWKS) on the web origin too, where verifiers look first. */
export const loader = () => forwardPublicDocument((api) => api.credentials.jwksDocument());
