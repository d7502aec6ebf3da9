import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import type { FSWatcher } from 'chokidar';
import { type Db, jobQueue } from '@keepsake/database';
import { type Logger, type ProcessorConfig, type Redis } from '@keepsake/platform';
import { type KeyStore } from '@keepsake/vault';
import { restrictImageDecoders } from './pipelines/image/imageDecoders.js';
import { cleanStaleStaging } from './publish/staging.js';
import { startCleanupTimer, type CleanupTimer } from './rotation/cleanupTimer.js';
import { runJob, type JobContext, type JobOutcome } from './queue/runJob.js';
import { createWakeup } from './queue/wakeup.js';
import { openPrivateTemp, type PrivateTemp } from './startup/privateTemp.js';
import { createProgressEvents, type ProgressEvent } from './visibility/progressEvents.js';
import { startHeartbeat } from './visibility/heartbeat.js';
import { queueFile } from './watcher/queueFile.js';
import { scanImports } from './watcher/scanImports.js';
import { watchImports } from './watcher/watchImports.js';

export interface ProcessorDeps {
  config: ProcessorConfig;
  db: Db;
  redis: Redis;
  keyStore: KeyStore;
  logger: Logger;
  /** Names this processor in leases and its heartbeat; unique per process by default. */
  workerId?: string;
  /** A claimed job is this processor's for this long without renewal (renewed every third). */
  leaseSeconds?: number;
  /** First retry delay; each further retry waits four times longer. */
  retryBaseSeconds?: number;
  /** How long a file must stay unchanged before it is taken as completely written. */
  stableMs?: number;
  /** Where the private temporary folders go (default: per user under the system's temp dir). */
  tempRoot?: string;
  /** Every progress event, as also published on Redis. */
  onEvent?: (event: ProgressEvent) => void;
  /** Each job this processor finished with (completed, failed, retried, ...). */
  onResult?: (result: FileResult) => void;
}

export interface FileResult {
  jobId: number;
  file: string;
  outcome: JobOutcome;
}

export interface RunSummary {
  completed: number;
  duplicates: number;
  failed: number;
  results: FileResult[];
}

export interface Processor {
  readonly workerId: string;
  /** Processes what is in imports/ (and anything queued), then resolves. */
  runOnce(): Promise<RunSummary>;
  /** Watches imports/ and processes until stop(). */
  start(): Promise<void>;
  /**
   * Stops claiming; running jobs get `graceMs` to finish, then their ffmpeg is killed and
   * their files go back to the queue.
   */
  stop(graceMs?: number): Promise<RunSummary>;
}

const IDLE_POLL_MS = 2000;
const ERROR_PAUSE_MS = 2000;

export function createProcessor(deps: ProcessorDeps): Processor {
  const { config, db, logger } = deps;
  const workerId = deps.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const stableMs = deps.stableMs ?? 2000;
  const progress = createProgressEvents({
    db,
    redis: deps.redis,
    redisPrefix: config.redisPrefix,
    workerId,
    logger,
    onEvent: deps.onEvent,
  });
  const wakeup = createWakeup();
  const shutdown = new AbortController();
  const base: Omit<JobContext, 'temp'> = {
    config,
    db,
    keyStore: deps.keyStore,
    logger,
    progress,
    workerId,
    leaseSeconds: deps.leaseSeconds ?? 60,
    retryBaseSeconds: deps.retryBaseSeconds ?? 30,
    shutdown: shutdown.signal,
  };
  const queueDeps = { db, importsDir: config.importsDir, logger, progress, onQueued: () => wakeup.wakeAll(), stableMs };
  const results: FileResult[] = [];
  let stopping = false;
  let loops: Promise<void>[] = [];
  let watcher: FSWatcher | undefined;
  let rescanTimer: NodeJS.Timeout | undefined;
  let heartbeat: { stop(): Promise<void> } | undefined;
  let cleanupTimer: CleanupTimer | undefined;
  let temp: PrivateTemp | undefined;

  function jobContext(): JobContext {
    if (!temp) throw new Error('the processor was not prepared');
    return { ...base, temp };
  }

  async function prepare(): Promise<void> {
    await fs.mkdir(config.importsDir, { recursive: true });
    await fs.mkdir(config.assetsDir, { recursive: true });
    restrictImageDecoders();
    const opened = await openPrivateTemp(deps.tempRoot);
    if (opened.wiped.length > 0) logger.info({ wiped: opened.wiped }, 'wiped temporary files left by an earlier run');
    temp = opened;
    const removed = await cleanStaleStaging(config.assetsDir, await jobQueue.findLiveJobIds(db));
    if (removed.length > 0) logger.info({ removed }, 'removed staging left by an earlier run');
    heartbeat = startHeartbeat(deps.redis, workerId, logger);
  }

  async function workerLoop(untilEmpty: boolean): Promise<void> {
    while (!stopping) {
      try {
        const job = await jobQueue.claimNextJob(db, { workerId, leaseSeconds: base.leaseSeconds });
        if (!job) {
          if (untilEmpty) {
            const backlog = await jobQueue.queueBacklog(db);
            if (backlog.pending === 0) return;
            await wakeup.wait(Math.min(1000, Math.max(50, (backlog.nextRunInSeconds ?? 1) * 1000)));
          } else {
            await wakeup.wait(IDLE_POLL_MS);
          }
          continue;
        }
        const outcome = await runJob(jobContext(), job);
        const result = { jobId: job.id, file: job.failed_path ?? job.path, outcome };
        results.push(result);
        deps.onResult?.(result);
      } catch (error) {
        logger.error({ err: (error as Error).message }, 'worker error; pausing');
        await wakeup.wait(ERROR_PAUSE_MS);
      }
    }
  }

  function summary(): RunSummary {
    const count = (kind: JobOutcome['kind']) => results.filter((r) => r.outcome.kind === kind).length;
    return {
      completed: count('completed'),
      duplicates: count('duplicate') + count('duplicate_in_trash'),
      failed: count('failed'),
      results: [...results],
    };
  }

  async function rescan(): Promise<void> {
    try {
      await scanImports(queueDeps);
    } catch (error) {
      logger.error({ err: (error as Error).message }, 'rescan failed');
    }
  }

  return {
    workerId,
    async runOnce() {
      await prepare();
      try {
        await scanImports(queueDeps);
        loops = Array.from({ length: config.workers }, () => workerLoop(true));
        await Promise.all(loops);
        return summary();
      } finally {
        await heartbeat?.stop();
        await temp?.close();
      }
    },
    async start() {
      await prepare();
      loops = Array.from({ length: config.workers }, () => workerLoop(false));
      watcher = await watchImports({
        importsDir: config.importsDir,
        polling: config.watchPolling,
        stableMs,
        logger,
        onFile: (file) => {
          queueFile(queueDeps, file).catch((error: Error) =>
            logger.error({ file, err: error.message }, 'could not queue the file'),
          );
        },
      });
      await rescan();
      rescanTimer = setInterval(() => void rescan(), config.rescanMinutes * 60_000);
      cleanupTimer = startCleanupTimer(
        { db, keyStore: deps.keyStore, assetsDir: config.assetsDir, logger, trashDays: config.trashDays },
        config.rotationCleanupMinutes * 60_000,
      );
      logger.info({ workerId, workers: config.workers, imports: config.importsDir }, 'processor started');
    },
    async stop(graceMs = 30_000) {
      stopping = true;
      clearInterval(rescanTimer);
      await cleanupTimer?.stop();
      await watcher?.close();
      wakeup.wakeAll();
      const finished = Promise.all(loops);
      const grace = setTimeout(() => shutdown.abort(), graceMs);
      await finished;
      clearTimeout(grace);
      await heartbeat?.stop();
      await temp?.close();
      return summary();
    },
  };
}
