import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { signOut } from '../lib/auth.server';

export const action = ({ request }: ActionFunctionArgs) => signOut(request);

/** Signing out is a POST (a link or an image must not be able to sign anyone out). */
export const loader = () => redirect('/');
