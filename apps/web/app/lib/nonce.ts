import { createContext, useContext } from 'react';

/**
 * The Content-Security-Policy nonce of this document (entry.server.tsx makes one per request). On the
 * client it is undefined: browsers hide nonces from scripts, and the scripts are already trusted.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export const useNonce = () => useContext(NonceContext);
