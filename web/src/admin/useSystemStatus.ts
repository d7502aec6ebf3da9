import { useQuery } from '@tanstack/react-query';
import { fetchSystemStatus } from '../api/admin';

export function useSystemStatus() {
  return useQuery({ queryKey: ['admin', 'status'], queryFn: fetchSystemStatus, refetchInterval: 60_000 });
}
