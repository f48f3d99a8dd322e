import type { ReactNode } from 'react';
import { useHydrated } from '../lib/attendance-queue';

/** Printing needs a script; without one the browser's own Print menu does the same, so the button is not shown. */
export function PrintButton({ className, children }: { className: string; children: ReactNode }) {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      {children}
    </button>
  );
}
