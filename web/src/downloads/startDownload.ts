/**
 * Lets the browser download a URL the server answers with `Content-Disposition: attachment`:
 * a same-origin link clicked in code, so the page stays and the browser's own download
 * (progress, pause, a file on disk as it arrives) takes over.
 */
export function startDownload(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
