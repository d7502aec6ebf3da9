import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchUsers, resetUserPassword, updateUser } from '../api/admin';
import type { AdminUser, Role } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../format/formatDate';
import { NewUserForm } from './NewUserForm';
import { passwordPolicyText } from '@keepsake/contracts';

export function UsersPage() {
  const queryClient = useQueryClient();
  const { session } = useAuth();
  const users = useQuery({ queryKey: ['admin', 'users'], queryFn: fetchUsers });
  const [resetting, setResetting] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  const update = useMutation({
    mutationFn: ({ user, change }: { user: AdminUser; change: { is_active?: boolean; role?: Role } }) =>
      updateUser(user.id, change),
    onSuccess: invalidate,
  });

  return (
    <div className="admin-grid">
      <section className="card wide" aria-labelledby="users-title">
        <h2 id="users-title">People</h2>
        {update.isError && <ErrorNotice error={update.error} action="change that user" />}
        {users.isPending ? (
          <Loading label="Loading users" />
        ) : users.isError ? (
          <ErrorNotice error={users.error} action="load the users" onRetry={() => void users.refetch()} />
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((user) => (
                  <tr key={user.id} data-username={user.username}>
                    <td>
                      <strong>{user.full_name}</strong>
                      <br />
                      <span className="muted">
                        {user.username} · {user.email}
                      </span>
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                        Role of {user.username}
                      </label>
                      <select
                        id={`role-${user.id}`}
                        value={user.role}
                        disabled={user.id === session?.user.id}
                        onChange={(event) => update.mutate({ user, change: { role: event.target.value as Role } })}
                      >
                        <option value="member">Member</option>
                        <option value="admin">Admin</option>
                      </select>
                    </td>
                    <td>{user.is_active ? 'Active' : 'Disabled'}</td>
                    <td>{user.last_login_at ? formatDateTime(user.last_login_at) : 'Never'}</td>
                    <td>
                      <div className="actions">
                        <button
                          type="button"
                          className="button"
                          disabled={user.id === session?.user.id}
                          onClick={() => update.mutate({ user, change: { is_active: !user.is_active } })}
                        >
                          {user.is_active ? 'Disable' : 'Enable'}
                          <span className="visually-hidden"> {user.username}</span>
                        </button>
                        <button type="button" className="button" onClick={() => setResetting(user.id)}>
                          Reset password<span className="visually-hidden"> of {user.username}</span>
                        </button>
                        {resetting === user.id && <ResetPassword user={user} onDone={() => setResetting(null)} />}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <NewUserForm onCreated={() => void invalidate()} />
    </div>
  );
}

function ResetPassword({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const reset = useMutation({ mutationFn: () => resetUserPassword(user.id, password), onSuccess: onDone });
  const id = `reset-${user.id}`;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        reset.mutate();
      }}
    >
      <label htmlFor={id}>New password for {user.username}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        aria-describedby={`${id}-policy`}
      />
      <p className="help" id={`${id}-policy`}>
        {passwordPolicyText} Their devices are signed out.
      </p>
      {reset.isError && <ErrorNotice error={reset.error} action="reset the password" />}
      <button type="submit" className="button primary" disabled={!password || reset.isPending}>
        Set password
      </button>{' '}
      <button type="button" className="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
