import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { createUser, type NewUser } from '../api/admin';
import { ErrorNotice } from '../components/ErrorNotice';
import { passwordPolicyText } from '@keepsake/contracts';

const empty: NewUser = { username: '', email: '', full_name: '', role: 'member', password: '' };

export function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const id = useId();
  const [form, setForm] = useState<NewUser>(empty);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => createUser(form),
    onSuccess: (user) => {
      setCreated(user.username);
      setForm(empty);
      onCreated();
    },
  });
  const set = (field: keyof NewUser) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    create.mutate();
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add a person</h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-username`}>Username</label>
          <input id={`${id}-username`} autoComplete="off" required value={form.username} onChange={set('username')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input id={`${id}-email`} type="email" required value={form.email} onChange={set('email')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Full name</label>
          <input id={`${id}-name`} required value={form.full_name} onChange={set('full_name')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={form.role} onChange={set('role')}>
            <option value="member">Member: browses the gallery</option>
            <option value="admin">Admin: also manages people and processing</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            required
            value={form.password}
            onChange={set('password')}
            aria-describedby={`${id}-policy`}
          />
          <p className="help" id={`${id}-policy`}>
            {passwordPolicyText}
          </p>
        </div>
        {create.isError && <ErrorNotice error={create.error} action="add that person" />}
        {created && (
          <p className="notice success" role="status">
            {created} can sign in now.
          </p>
        )}
        <button type="submit" className="button primary" disabled={create.isPending}>
          Add person
        </button>
      </form>
    </section>
  );
}
