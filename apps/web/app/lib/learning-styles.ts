import type { LinksFunction } from '@remix-run/node';
import href from '../styles/learning.css?url';

/** The learner's class, lesson and quiz pages' stylesheet, for each route's `links` export. */
export const learningLinks: LinksFunction = () => [{ rel: 'stylesheet', href }];
