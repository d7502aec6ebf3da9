import os from 'node:os';
import { createRedis, loadProcessorConfig, runCli } from '@keepsake/platform';

// The container's health check: healthy while a processor on this host keeps its heartbeat.
runCli(async () => {
  const config = loadProcessorConfig();
  const redis = createRedis({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  try {
    // ioredis does not prefix KEYS patterns, so the prefix is written out here.
    const beats = await redis.keys(`${config.redisPrefix}processor:heartbeat:${os.hostname()}:*`);
    if (beats.length === 0) {
      process.stderr.write(`no processor heartbeat from ${os.hostname()}\n`);
      return 1;
    }
    return 0;
  } finally {
    redis.disconnect();
  }
});
