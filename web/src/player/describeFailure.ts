import { apiFetch } from '../api/apiFetch';
import { endsSession } from '../api/sessionEnded';
import { playbackErrorMessage, type PlaybackProblem } from './playbackErrorMessage';

/** After a refused media request, asks the API whether the session itself is still alive. */
export async function describeFailure(problem: Omit<PlaybackProblem, 'sessionValid'>): Promise<string> {
  let sessionValid = true;
  if (problem.status === 401 || problem.status === 403 || problem.status === null) {
    try {
      await apiFetch('/api/auth/me');
    } catch (error) {
      // An ended session signs this device out (apiFetch does that); the page goes to sign-in.
      sessionValid = !endsSession(error);
    }
  }
  return playbackErrorMessage({ ...problem, sessionValid });
}
