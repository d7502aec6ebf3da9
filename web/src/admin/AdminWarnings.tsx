import { useSystemStatus } from './useSystemStatus';

/**
 * What the server says an admin should act on: above all its own check of the network
 * boundary (on Docker Desktop for Mac every client can look like the gateway, and then only
 * the host firewall keeps strangers out), a stopped processor, an overdue key rotation.
 */
export function AdminWarnings() {
  const status = useSystemStatus();
  const warnings = status.data?.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <div className="notice warning" role="alert">
      <ul className="warning-list">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </div>
  );
}
