import type { ReactNode } from 'react';

/** A one-paragraph notice announced to screen readers (role="status"), e.g. "saved" after an action. */
export function StatusNotice({ tone, children }: { tone: 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      <p>{children}</p>
    </div>
  );
}
