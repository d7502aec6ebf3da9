import { Command } from 'commander';
import { renderEnvExample } from '../config/envExample.js';

new Command('env-example')
  .description('Print .env.example from the catalogue of settings (npm run env-example > .env.example)')
  .parse();

process.stdout.write(renderEnvExample());
