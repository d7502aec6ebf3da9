import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useAuth } from './AuthProvider';

/** Admin pages refuse members outright, whatever address they typed. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  if (session?.user.role === 'admin') return children;
  return (
    <section className="page narrow" aria-labelledby="refused-title">
      <h1 id="refused-title">Admins only</h1>
      <p role="alert" className="notice error">
        This page is for the people who run Keepsake. Your account can browse the gallery and manage your own devices.
      </p>
      <p>
        <Link to="/">Back to the gallery</Link>
      </p>
    </section>
  );
}
