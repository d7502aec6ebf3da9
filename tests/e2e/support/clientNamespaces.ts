import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CurlAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface NamespaceClient {
  /** The network namespace's name (for `ip netns exec`). */
  namespace: string;
  /** This machine's end of the veth pair. */
  hostInterface: string;
  /** The client's own address, as nginx sees it. */
  address: string;
  /** This machine's end of the client's link: where it reaches nginx. */
  hostAddress: string;
  /** curl inside the namespace, to https://localhost:<port><path> routed to the host's end. */
  curl(
    port: number,
    path: string,
    options?: { caFile: string; method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<CurlAnswer>;
}

export interface ClientNamespaces {
  clients: NamespaceClient[];
  /** Deletes every namespace made (and with it its link); safe to call after a failed setup. */
  remove(): Promise<void>;
}

async function ip(...args: string[]): Promise<void> {
  await run('ip', args);
}

/** Splits `curl -i` output into the last response's status, headers and body. */
function parseCurl(output: string): CurlAnswer {
  let rest = output;
  let head = '';
  // Interim answers (100 Continue) come first; the last head is the answer.
  do {
    const end = rest.indexOf('\r\n\r\n');
    head = rest.slice(0, end);
    rest = rest.slice(end + 4);
  } while (/^HTTP\/\S+ 1\d\d/.test(head));
  const [statusLine, ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body: rest };
}

/**
 * One network namespace per wanted client, each joined to this machine by its own veth pair
 * on a /30 inside the client's network (`10.8.0` → 10.8.0.4b+1 for the client, 4b+2 here, b
 * random): the smallest footprint on the host's routes, and two runs are unlikely to collide.
 * Needs root (CAP_NET_ADMIN).
 */
export async function makeClientNamespaces(networks: string[]): Promise<ClientNamespaces> {
  const run_id = randomBytes(3).toString('hex');
  const made: string[] = [];
  const remove = async () => {
    for (const namespace of made.splice(0)) await ip('netns', 'delete', namespace).catch(() => {});
  };
  try {
    const clients: NamespaceClient[] = [];
    for (const [index, network] of networks.entries()) {
      const namespace = `keepsake-${run_id}-${index}`;
      const hostEnd = `ks${run_id}${index}h`;
      const clientEnd = `ks${run_id}${index}c`;
      const block = 4 * randomInt(1, 63);
      const address = `${network}.${block + 1}`;
      const hostAddress = `${network}.${block + 2}`;
      await ip('netns', 'add', namespace);
      made.push(namespace);
      await ip('link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', clientEnd, 'netns', namespace);
      await ip('addr', 'add', `${hostAddress}/30`, 'dev', hostEnd);
      await ip('link', 'set', hostEnd, 'up');
      await ip('-n', namespace, 'addr', 'add', `${address}/30`, 'dev', clientEnd);
      await ip('-n', namespace, 'link', 'set', clientEnd, 'up');
      await ip('-n', namespace, 'link', 'set', 'lo', 'up');
      clients.push({
        namespace,
        hostInterface: hostEnd,
        address,
        hostAddress,
        curl: async (port, path, options) => {
          const args = ['netns', 'exec', namespace, 'curl', '-sS', '-i', '--http1.1', '--max-time', '20'];
          args.push('--resolve', `localhost:${port}:${hostAddress}`);
          if (options?.caFile) args.push('--cacert', options.caFile);
          if (options?.method) args.push('-X', options.method);
          for (const [name, value] of Object.entries(options?.headers ?? {})) args.push('-H', `${name}: ${value}`);
          if (options?.body !== undefined) args.push('--data-binary', options.body);
          args.push(`https://localhost:${port}${path}`);
          const { stdout } = await run('ip', args, { maxBuffer: 16 << 20 });
          return parseCurl(stdout);
        },
      });
    }
    return { clients, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
