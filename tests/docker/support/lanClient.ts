import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeClientNamespaces, type CurlAnswer, type NamespaceClient } from '../../e2e/support/clientNamespaces.js';
import { docker } from './compose.js';

const run = promisify(execFile);

export interface LanClient {
  /** The client's address on the home LAN (inside the default ALLOWED_NETWORKS). */
  address: string;
  /** Lets the client reach the compose network's nginx again (after every `up`: a new bridge). */
  attach(): Promise<void>;
  /** curl from the client to https://localhost:1027<path>, trusting only `caFile`. */
  curl(
    path: string,
    options: { caFile: string; method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<CurlAnswer>;
  /** ffmpeg as the player in the client: decodes every segment of every variant of `url`. */
  play(url: string, caFile: string): Promise<string>;
  remove(): Promise<void>;
}

const port = 1027;

async function iptables(...args: string[]): Promise<void> {
  await run('iptables', ['-w', ...args]);
}

async function setForwarding(device: string, on: boolean): Promise<void> {
  await fs.writeFile(`/proc/sys/net/ipv4/conf/${device}/forwarding`, on ? '1' : '0');
}

/** The host-side bridge of a compose network (Docker names it br-<first 12 of the id>). */
async function bridgeOf(dockerHost: string, network: string): Promise<string> {
  const [inspected] = JSON.parse(await docker(dockerHost, ['network', 'inspect', network])) as {
    Id: string;
    Options: Record<string, string> | null;
  }[];
  return inspected!.Options?.['com.docker.network.bridge.name'] ?? `br-${inspected!.Id.slice(0, 12)}`;
}

/**
 * A device on the home LAN (192.168.1.x, in a network namespace of its own) that reaches
 * nginx's published port the way Docker's own iptables rules would bring a LAN client: its
 * connection to this machine's port 1027 is DNATed to nginx's container address, so nginx sees
 * the device's real address. The daemon runs without iptables (scripts/docker-daemon), so
 * this one rule, and forwarding on just the client's link and the compose bridge, are all
 * that is added; remove() takes them away. (From this machine itself, connections to
 * localhost:1027 go through docker-proxy and arrive from the bridge's gateway.)
 */
export async function makeLanClient(dockerHost: string, network: string, nginxAddress: string): Promise<LanClient> {
  const namespaces = await makeClientNamespaces(['192.168.1']);
  const client: NamespaceClient = namespaces.clients[0]!;
  const etc = path.join('/etc/netns', client.namespace);
  const rule = [
    'PREROUTING',
    '-i',
    client.hostInterface,
    '-p',
    'tcp',
    '-d',
    client.hostAddress,
    '--dport',
    String(port),
    '-j',
    'DNAT',
    '--to-destination',
    `${nginxAddress}:${port}`,
  ];
  let ruleAdded = false;
  const remove = async () => {
    if (ruleAdded) await iptables('-t', 'nat', '-D', ...rule).catch(() => {});
    await namespaces.remove();
    await fs.rm(etc, { recursive: true, force: true });
    await fs.rmdir(path.dirname(etc)).catch(() => {}); // only when no one else's is left in it
  };
  try {
    await iptables('-t', 'nat', '-A', ...rule);
    ruleAdded = true;
    await setForwarding(client.hostInterface, true);
    // ffmpeg resolves names itself: inside the namespace, localhost is this machine's end.
    await fs.mkdir(etc, { recursive: true });
    await fs.writeFile(path.join(etc, 'hosts'), `${client.hostAddress} localhost\n`);
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    address: client.address,
    attach: async () => setForwarding(await bridgeOf(dockerHost, network), true),
    curl: (urlPath, options) => client.curl(port, urlPath, options),
    play: async (url, caFile) => {
      const { stderr } = await run(
        'ip',
        [
          'netns',
          'exec',
          client.namespace,
          'ffmpeg',
          '-hide_banner',
          '-nostdin',
          '-loglevel',
          'error',
          '-xerror',
          '-ca_file',
          caFile,
          '-tls_verify',
          '1',
          '-i',
          `https://localhost:${port}${url}`,
          '-map',
          '0',
          '-f',
          'null',
          '-',
        ],
        { maxBuffer: 64 << 20 },
      );
      return stderr;
    },
    remove,
  };
}
