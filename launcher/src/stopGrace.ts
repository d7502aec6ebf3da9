/**
 * How long each part may take to stop after SIGTERM before it is killed: the processor lets
 * running files finish for 20 s, the server its in-flight requests and audit log for 10 s.
 * docker-compose.yml's stop_grace_period says the same (a test keeps them equal).
 */
export const stopGraceMs = { processor: 30_000, server: 15_000 } as const;
