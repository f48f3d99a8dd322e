import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '@hearth/migrations';
import { entities } from './entities.js';

export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: Number(process.env.DB_CONNECT_TIMEOUT_MS ?? 5000),
      statement_timeout: 30000,
      application_name: 'hearth-api',
    },
  };
}

/** For the TypeORM CLI: `typeorm migration:run -d apps/api/dist/database/data-source.js`. */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/hearth'));
