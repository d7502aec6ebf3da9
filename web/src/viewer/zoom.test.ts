import { describe, expect, it } from 'vitest';
import { cameraOf } from './cameraOf';
import { identity, swipeDirection, zoomAt } from './zoom';

describe('zoom', () => {
  it('keeps the point under the fingers still while zooming', () => {
    const view = zoomAt(identity, 2, 100, 50);
    // The point (100, 50) maps to itself: x + 100 * scale = 100 → x = -100.
    expect(view).toEqual({ scale: 2, x: -100, y: -50 });
    expect(view.x + 100 * view.scale).toBe(100);
  });

  it('stays between 1× and 6×, snapping back to centre at 1×', () => {
    expect(zoomAt({ scale: 2, x: 30, y: 30 }, 0.5, 0, 0)).toEqual(identity);
    expect(zoomAt(identity, 50, 0, 0).scale).toBe(6);
  });

  it('recognises sideways swipes only', () => {
    expect(swipeDirection(-120, 10)).toBe('next');
    expect(swipeDirection(120, -20)).toBe('previous');
    expect(swipeDirection(30, 0)).toBeNull();
    expect(swipeDirection(100, 90)).toBeNull();
  });
});

describe('camera name', () => {
  it('joins make and model without repeating the make', () => {
    expect(cameraOf({ exif: { Make: 'Apple', Model: 'iPhone 13 mini' } })).toBe('Apple iPhone 13 mini');
    expect(cameraOf({ make: 'Canon', model: 'Canon EOS R6' })).toBe('Canon EOS R6');
    expect(cameraOf({})).toBeNull();
  });
});
