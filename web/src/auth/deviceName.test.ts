import Bowser from 'bowser';
import { describe, expect, it } from 'vitest';
import { deviceNameFrom } from './deviceName';

const name = (userAgent: string) => deviceNameFrom(Bowser.parse(userAgent));

describe('device name from the user agent', () => {
  it('names the phone model when there is one', () => {
    expect(
      name(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iPhone');
  });

  it('names the operating system on a computer', () => {
    expect(
      name(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome on Windows');
    expect(name('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox on Linux');
  });

  it('still says something for an unknown agent', () => {
    expect(name('curl/8.0')).toMatch(/\S/);
  });
});
