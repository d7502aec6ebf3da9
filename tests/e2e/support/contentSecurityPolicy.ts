import fs from 'node:fs/promises';
import path from 'node:path';

/** The policy the gallery was built under: the content of its `<meta http-equiv>` tag. */
export async function builtPagePolicy(webDistDir: string): Promise<string> {
  const html = await fs.readFile(path.join(webDistDir, 'index.html'), 'utf8');
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error('the built index.html has no Content-Security-Policy meta tag');
  return content.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** A policy as directive name → value ("script-src" → "'self'"). */
export function policyDirectives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name!.toLowerCase(), values.join(' ')] as const;
      }),
  );
}
