import type { LoaderFunctionArgs } from '@remix-run/node';
import { credentialFile } from '../lib/credential-download.server';

export const loader = (args: LoaderFunctionArgs) => credentialFile(args, 'jwt');
