import { forwardPublicDocument } from '../lib/credentials-public.server';

/** The issuer's Open Badges 3.0 Profile at the issuer id every credential names (JSON, any origin may read it). */
export const loader = () => forwardPublicDocument((api) => api.credentials.issuerDocument());
