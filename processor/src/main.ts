import { loadProcessorConfig, runCli } from '@keepsake/platform';
import { runLongLived } from './startup/runLongLived.js';

// `npm run start:processor`: the long-lived processor (the container's command).
runCli(async () => {
  await runLongLived(loadProcessorConfig());
});
