import type { LinksFunction } from '@remix-run/node';
import href from '../styles/certificates.css?url';

/** The certificates pages' stylesheet, for each route's `links` export. */
export const certificatesLinks: LinksFunction = () => [{ rel: 'stylesheet', href }];
