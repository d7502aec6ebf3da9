import { NavLink, Route, Routes } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import '../styles/admin.css';
import { AdminWarnings } from './AdminWarnings';
import { AuditPage } from './AuditPage';
import { QueuePage } from './QueuePage';
import { SystemPage } from './SystemPage';
import { UsersPage } from './UsersPage';

/** The admin area: its own chunk, reached only through <RequireAdmin>. */
export default function AdminPages() {
  return (
    <section className="page admin" aria-labelledby="admin-title">
      <h1 id="admin-title">Admin</h1>
      <AdminWarnings />
      <nav className="admin-nav" aria-label="Admin sections">
        <NavLink to="/admin" end>
          Users
        </NavLink>
        <NavLink to="/admin/queue">Processing</NavLink>
        <NavLink to="/admin/audit">Audit log</NavLink>
        <NavLink to="/admin/system">Storage &amp; keys</NavLink>
      </nav>
      <Routes>
        <Route index element={<UsersPage />} />
        <Route path="queue" element={<QueuePage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="system" element={<SystemPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </section>
  );
}
