import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { passwordPolicyText } from '@keepsake/contracts';
import { ApiError } from '../api/ApiError';
import { signIn } from '../api/auth';
import { createFirstAdmin } from '../api/setup';
import { deviceId } from '../auth/deviceId';
import { signInMessage } from '../auth/signInMessage';

interface Props {
  deviceName: string;
}

/** A fresh install: the person who installed Keepsake creates the first admin with the code from the server log. */
export function FirstAdminForm({ deviceName }: Props) {
  const ids = useId();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [fullName, setFullName] = useState('');
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createFirstAdmin({
        setup_code: code.trim(),
        username: username.trim(),
        email: email.trim(),
        full_name: fullName.trim(),
        password,
      });
      await signIn({
        login: username.trim(),
        password,
        device_id: deviceId(),
        device_name: deviceName.trim() || 'My browser',
      });
      navigate('/', { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const message = error ? (error instanceof ApiError ? error.message : signInMessage(error, null)) : null;
  const field = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    extra: Record<string, unknown> = {},
  ) => (
    <div className="field">
      <label htmlFor={`${ids}-${id}`}>{label}</label>
      <input
        id={`${ids}-${id}`}
        name={id}
        required
        value={value}
        onChange={(event) => set(event.target.value)}
        {...extra}
      />
    </div>
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-describedby={message ? `${ids}-error` : undefined}>
      <h2>Create the first admin</h2>
      <p className="help" id={`${ids}-code-help`}>
        Welcome! Nobody can sign in yet. The setup code is in the server’s log: <code>docker compose logs server</code>{' '}
        (or the output of <code>npm start</code>).
      </p>
      {field('setup-code', 'Setup code', code, setCode, {
        autoCapitalize: 'characters',
        autoComplete: 'one-time-code',
        spellCheck: false,
        'aria-describedby': `${ids}-code-help`,
      })}
      {field('full-name', 'Your name', fullName, setFullName, { autoComplete: 'name', maxLength: 200 })}
      {field('username', 'Username', username, setUsername, {
        autoComplete: 'username',
        autoCapitalize: 'none',
        spellCheck: false,
      })}
      {field('email', 'Email', email, setEmail, { type: 'email', autoComplete: 'email' })}
      {field('password', 'Password', password, setPassword, {
        type: 'password',
        autoComplete: 'new-password',
        'aria-describedby': `${ids}-password-help`,
      })}
      <p className="help" id={`${ids}-password-help`}>
        {passwordPolicyText}
      </p>
      {message && (
        <p className="notice error" role="alert" id={`${ids}-error`}>
          {message}
        </p>
      )}
      <button
        type="submit"
        className="button primary wide"
        disabled={busy || !code || !username || !email || !fullName || !password}
      >
        {busy ? 'Creating…' : 'Create admin and sign in'}
      </button>
    </form>
  );
}
