import { describe, expect, it } from 'vitest';
import { createSseParser, type ServerSentEvent } from './sseParser';

function parseAll(chunks: string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const push = createSseParser((event) => events.push(event));
  for (const chunk of chunks) push(chunk);
  return events;
}

describe('server-sent events parser', () => {
  it('reads named events with JSON data', () => {
    expect(parseAll(['event: progress\ndata: {"percent":5}\n\n'])).toEqual([
      { event: 'progress', data: '{"percent":5}', id: null },
    ]);
  });

  it('joins events split anywhere across chunks, CRLF included', () => {
    const text = 'event: media\r\nid: 7\r\ndata: {"id":"a"}\r\n\r\nevent: progress\r\ndata: 1\r\n\r\n';
    const whole = parseAll([text]);
    for (let cut = 1; cut < text.length; cut += 1) {
      expect(parseAll([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(whole).toEqual([
      { event: 'media', data: '{"id":"a"}', id: '7' },
      { event: 'progress', data: '1', id: '7' },
    ]);
  });

  it('keeps multi-line data, defaults the name to message and skips comments', () => {
    expect(parseAll([': keep-alive\n\ndata: one\ndata: two\n\n'])).toEqual([
      { event: 'message', data: 'one\ntwo', id: null },
    ]);
  });

  it('waits for the blank line before dispatching', () => {
    expect(parseAll(['event: progress\ndata: 1\n'])).toEqual([]);
  });
});
