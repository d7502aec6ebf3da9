import { describe, expect, it } from 'vitest';
import { formatDuration } from '../format/formatDuration';
import { chooseEngine } from './chooseEngine';
import { playbackErrorMessage } from './playbackErrorMessage';
import { stepSpeed } from './playbackSpeeds';
import { errorCodeOf } from './serverErrorCode';
import { resumePosition } from '@keepsake/contracts';

describe('playback engine', () => {
  it('prefers hls.js, falls back to native HLS, else none', () => {
    expect(chooseEngine(true, 'maybe')).toBe('hls.js');
    expect(chooseEngine(false, 'maybe')).toBe('native');
    expect(chooseEngine(false, 'probably')).toBe('native');
    expect(chooseEngine(false, '')).toBeNull();
  });
});

describe('resume position', () => {
  it('resumes mid-video, starts over near either end', () => {
    expect(resumePosition(42, 120)).toBe(42);
    expect(resumePosition(3, 120)).toBe(0);
    expect(resumePosition(118, 120)).toBe(0);
    expect(resumePosition(null, 120)).toBe(0);
  });
});

describe('playback error messages', () => {
  it('tells an ended session from an expired link', () => {
    expect(playbackErrorMessage({ status: 403, kind: 'network', sessionValid: false })).toMatch(/session has ended/);
    expect(playbackErrorMessage({ status: 403, kind: 'network', sessionValid: true })).toMatch(/expired/);
    expect(playbackErrorMessage({ status: 0, kind: 'network', sessionValid: true })).toMatch(/connection dropped/);
    expect(playbackErrorMessage({ status: 429, kind: 'network', sessionValid: true })).toMatch(/Too many videos/);
  });
});

describe('durations', () => {
  it('reads like a player', () => {
    expect([0, 7, 225, 3723].map(formatDuration)).toEqual(['0:00', '0:07', '3:45', '1:02:03']);
    expect(formatDuration(null)).toBe('');
  });
});

describe('playback speed', () => {
  it('steps through the menu and stays at its ends', () => {
    expect(stepSpeed(1, 1)).toBe(1.25);
    expect(stepSpeed(1, -1)).toBe(0.75);
    expect(stepSpeed(2, 1)).toBe(2);
    expect(stepSpeed(0.5, -1)).toBe(0.5);
    expect(stepSpeed(1.1, 1)).toBe(1.5);
  });
});

describe('error codes', () => {
  it('reads the server’s error format, and nothing else', () => {
    expect(errorCodeOf('{"error":{"code":"MEDIA_001","message":"Not found"}}')).toBe('MEDIA_001');
    expect(errorCodeOf('<html>502</html>')).toBeNull();
    expect(errorCodeOf('{"error":{"code":"<script>"}}')).toBeNull();
  });
});
