import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router';
import { ApiError } from '../api/ApiError';
import { signIn } from '../api/auth';
import { setupNeeded } from '../api/setup';
import { useAuth } from '../auth/AuthProvider';
import { deviceId } from '../auth/deviceId';
import { guessDeviceName } from '../auth/deviceName';
import { signInMessage } from '../auth/signInMessage';
import { Loading } from '../components/Loading';
import { useCountdown } from '../components/useCountdown';
import { ThemeToggle } from '../theme/ThemeToggle';
import { FirstAdminForm } from './FirstAdminForm';

export function SignInPage() {
  const { status, signedOutReason } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: Location } | null)?.from;
  const ids = useId();

  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(waitUntil);
  // A fresh install has nobody to sign in as: offer to create the first admin instead.
  const setup = useQuery({ queryKey: ['setup-needed'], queryFn: setupNeeded, staleTime: Infinity, retry: false });

  useEffect(() => {
    let cancelled = false;
    guessDeviceName()
      .then((name) => {
        if (!cancelled) setDeviceName((current) => current || name);
      })
      .catch(() => {
        if (!cancelled) setDeviceName((current) => current || 'My browser');
      });
    return () => {
      cancelled = true;
    };
  }, []);

  if (status === 'checking') return <Loading label="Signing you in" />;
  if (status === 'signed-in') return <Navigate to={from ?? '/'} replace />;

  const rateLimited = secondsLeft !== null && secondsLeft > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn({ login: login.trim(), password, device_id: deviceId(), device_name: deviceName.trim() });
      navigate(from ?? '/', { replace: true });
    } catch (failure) {
      setError(failure);
      setPassword('');
      if (failure instanceof ApiError && failure.code === 'AUTH_005') {
        setWaitUntil(Date.now() + (failure.retryAfterSeconds ?? 60) * 1000);
      }
    } finally {
      setBusy(false);
    }
  };

  const message = error ? signInMessage(error, secondsLeft) : null;

  return (
    <div className="sign-in-screen">
      <div className="sign-in-theme">
        <ThemeToggle />
      </div>
      <main className="sign-in-card" id="main">
        <h1 className="sign-in-title">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          Keepsake
        </h1>
        <p className="muted">Your family's photos and videos, kept private.</p>
        {signedOutReason && !error && signedOutReason.code !== 'SIGNED_OUT' && (
          <p className="notice warning" role="status">
            {signedOutReason.message}
          </p>
        )}
        {setup.data ? (
          <FirstAdminForm deviceName={deviceName} />
        ) : (
          <form
            onSubmit={(event) => void submit(event)}
            noValidate
            aria-describedby={message ? `${ids}-error` : undefined}
          >
            <div className="field">
              <label htmlFor={`${ids}-login`}>Username or email</label>
              <input
                id={`${ids}-login`}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={login}
                onChange={(event) => setLogin(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-password`}>Password</label>
              <input
                id={`${ids}-password`}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-device`}>Device name</label>
              <input
                id={`${ids}-device`}
                name="device"
                required
                maxLength={100}
                value={deviceName}
                onChange={(event) => setDeviceName(event.target.value)}
                aria-describedby={`${ids}-device-help`}
              />
              <p className="help" id={`${ids}-device-help`}>
                How this device appears in “My devices”.
              </p>
            </div>
            {message && (
              <p className="notice error" role="alert" id={`${ids}-error`} data-error-code={(error as ApiError).code}>
                {message}
              </p>
            )}
            <button
              type="submit"
              className="button primary wide"
              disabled={busy || rateLimited || !login || !password || !deviceName.trim()}
            >
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
