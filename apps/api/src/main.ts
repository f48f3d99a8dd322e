import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/config.js';
import { runMigrations } from './database/migrate.js';
import { SeedService } from './seed/seed.service.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Hearth API cannot start: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  const logger = new Logger('Boot');
  await runMigrations(config.databaseUrl, (m) => logger.log(m));
  const app = await createApp(config);
  await app.get(SeedService).run();
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  logger.log(`Hearth API listening on http://localhost:${config.port}/api (docs at /api/docs)`);
}

main().catch((error) => {
  console.error('Hearth API failed to start:', error);
  process.exit(1);
});
