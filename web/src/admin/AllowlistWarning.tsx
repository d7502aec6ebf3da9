import { useSystemStatus } from './useSystemStatus';

/**
 * The server's own check of the network boundary: on Docker Desktop for Mac every client
 * can look like the gateway, and then only the host firewall keeps strangers out.
 */
export function AllowlistWarning() {
  const status = useSystemStatus();
  const allowlist = status.data?.allowlist;
  if (!allowlist || allowlist.ok) return null;
  return (
    <div className="notice warning" role="alert">
      <strong>Network check: </strong>
      {allowlist.warning ??
        'The server cannot see real client addresses, so its allowlist cannot tell home from outside. Make sure the host firewall (scripts/macos-firewall) is on.'}
    </div>
  );
}
