import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyDirectives } from '@keepsake/contracts';
import { helmetHeaders } from './securityHeaders.js';

describe('security headers, worked out once from helmet', () => {
  it('are exactly what helmet sets, with our CSP', () => {
    const headers = helmetHeaders({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives },
      xFrameOptions: { action: 'deny' },
    });
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("style-src 'self'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'strict-transport-security': expect.stringContaining('max-age='),
      'referrer-policy': 'no-referrer',
    });
  });
});
