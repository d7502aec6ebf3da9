import { useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { signOut } from '../api/auth';
import { useAuth } from '../auth/AuthProvider';
import { KeyboardShortcuts } from '../keyboard/KeyboardShortcuts';
import { ThemeToggle } from '../theme/ThemeToggle';

export function AppShell() {
  const { session } = useAuth();
  const [signingOut, setSigningOut] = useState(false);
  const isAdmin = session?.user.role === 'admin';

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label="Keepsake gallery">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Keepsake</span>
        </NavLink>
        <nav aria-label="Main" className="main-nav">
          <NavLink to="/" end>
            Gallery
          </NavLink>
          <NavLink to="/favourites">Favourites</NavLink>
          <NavLink to="/albums">Albums</NavLink>
          <NavLink to="/trash">Trash</NavLink>
          <NavLink to="/devices">My devices</NavLink>
          {isAdmin && <NavLink to="/admin">Admin</NavLink>}
        </nav>
        <div className="header-actions">
          <span className="who" title={session?.user.email}>
            {session?.user.full_name}
          </span>
          <KeyboardShortcuts />
          <ThemeToggle />
          <button
            type="button"
            className="button subtle"
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              signOut().catch(() => setSigningOut(false));
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
