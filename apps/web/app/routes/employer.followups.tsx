import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { FollowUpsRoute, followUpsLinks, followUpsMeta } from '../features/referrals/followups';
import { followUpsAction, followUpsLoader } from '../features/referrals/followups.server';

export const meta = followUpsMeta;
export const links = followUpsLinks;
export const loader = (args: LoaderFunctionArgs) => followUpsLoader(args, 'employer');
export const action = (args: ActionFunctionArgs) => followUpsAction(args, 'employer');

export default function FollowUps() {
  return <FollowUpsRoute side="employer" />;
}
