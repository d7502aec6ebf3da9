import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { followServerEvents } from '../api/eventStream';
import type { ServerSentEvent } from '../api/sseParser';
import type { ProgressEvent } from '../api/types';

type Listener = (event: ServerSentEvent) => void;

const ListenersContext = createContext<Set<Listener> | null>(null);

/**
 * One stream of server events per signed-in tab, shared by everything that wants live
 * news (gallery progress, the admin queue). A finished item refreshes the library.
 */
export function ServerEventsProvider({ children }: { children: ReactNode }) {
  const [listeners] = useState(() => new Set<Listener>());
  const queryClient = useQueryClient();

  useEffect(() => {
    const controller = new AbortController();
    void followServerEvents((event) => {
      if (event.event === 'media' || (event.event === 'progress' && parseProgress(event)?.status === 'completed')) {
        void queryClient.invalidateQueries({ queryKey: ['library'] });
      }
      for (const listener of listeners) listener(event);
    }, controller.signal);
    return () => controller.abort();
  }, [listeners, queryClient]);

  return <ListenersContext.Provider value={listeners}>{children}</ListenersContext.Provider>;
}

/** Calls `onEvent` for every server event while the component is mounted. */
export function useServerEvents(onEvent: Listener): void {
  const listeners = useContext(ListenersContext);
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => {
    if (!listeners) return;
    const listener: Listener = (event) => latest.current(event);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listeners]);
}

export function parseProgress(event: ServerSentEvent): ProgressEvent | null {
  if (event.event !== 'progress') return null;
  try {
    const value = JSON.parse(event.data) as Partial<ProgressEvent>;
    if (value.jobId === undefined || typeof value.status !== 'string') return null;
    return { ...value, jobId: String(value.jobId) } as ProgressEvent;
  } catch {
    return null;
  }
}
