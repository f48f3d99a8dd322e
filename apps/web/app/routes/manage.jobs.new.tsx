import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { NewJobRoute, newJobLinks, newJobMeta } from '../features/referrals/new-job';
import { newJobAction, newJobLoader } from '../features/referrals/new-job.server';

export const meta = newJobMeta;
export const links = newJobLinks;
export const loader = (args: LoaderFunctionArgs) => newJobLoader(args, 'manage');
export const action = (args: ActionFunctionArgs) => newJobAction(args, 'manage');

export default function NewJob() {
  return <NewJobRoute side="manage" />;
}
