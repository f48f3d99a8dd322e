import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

interface Holding {
  /** Pool connections this transaction's async context holds right now (its own: 1). */
  connections: number;
}

const holding = new AsyncLocalStorage<Holding>();

/** Every nested acquisition seen since start (tests read it; the harness fails a file that has any). */
export const poolGuardViolations: string[] = [];

export class NestedPoolConnectionError extends Error {}

/**
 * Test-mode guard (DB_POOL_GUARD, on when NODE_ENV=test): code running inside a transaction that asks
 * the pool for a second connection throws at once. Holding one connection while waiting for another
 * is how 20 concurrent registrations once starved a 20-connection pool, so every request answered 503:
 * each held its transaction (and a row lock) while its throttle query waited for a free connection
 * that only another such request could give back. Inside a transaction, query through its manager
 * (`tx`), or do the other work before or after it.
 */
export function installPoolGuard(dataSource: DataSource): void {
  const manager = dataSource.manager as unknown as { transaction: (...args: unknown[]) => Promise<unknown>; __poolGuard?: true };
  if (manager.__poolGuard) return;
  manager.__poolGuard = true;
  const transaction = manager.transaction.bind(manager);
  manager.transaction = (...args: unknown[]) => (holding.getStore() ? transaction(...args) : holding.run({ connections: 0 }, () => transaction(...args)));

  const driver = dataSource.driver as unknown as { obtainMasterConnection: () => Promise<[unknown, (err?: unknown) => void]> };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const held = holding.getStore();
    if (held && held.connections > 0) {
      const where = (new Error().stack ?? '')
        .split('\n')
        .filter((line) => /apps\/api\/(src|dist)\//.test(line) && !line.includes('pool-guard'))
        .slice(0, 4)
        .map((line) => line.trim())
        .join(' < ');
      const message = `a transaction asked the pool for a second connection while holding one (${where || 'unknown caller'}); query through the transaction's manager, or move this before or after the transaction`;
      poolGuardViolations.push(message);
      throw new NestedPoolConnectionError(message);
    }
    const [connection, release] = await obtain();
    if (!held) return [connection, release];
    held.connections += 1;
    let released = false;
    return [
      connection,
      (err?: unknown) => {
        if (!released) held.connections -= 1;
        released = true;
        return release(err);
      },
    ];
  };
}
