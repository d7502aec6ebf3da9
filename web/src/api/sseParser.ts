export interface ServerSentEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * An incremental text/event-stream parser (the WHATWG rules): feed it chunks as they
 * arrive, in any split, and it calls back once per complete event. EventSource would do
 * this for us, but it cannot send the Authorization header.
 */
export function createSseParser(onEvent: (event: ServerSentEvent) => void): (chunk: string) => void {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | null = null;

  const dispatch = () => {
    if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n'), id });
    event = '';
    data = [];
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return; // a comment: the server's keep-alive
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  };

  return (chunk: string) => {
    buffer += chunk;
    // A lone \r at the very end may be the first half of \r\n: wait for the next chunk.
    const pattern = /\r\n|\r(?!$)|\n/g;
    let start = 0;
    for (let match = pattern.exec(buffer); match; match = pattern.exec(buffer)) {
      line(buffer.slice(start, match.index));
      start = match.index + match[0].length;
    }
    buffer = buffer.slice(start);
  };
}
