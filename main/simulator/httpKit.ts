import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request as the routes see it. */
export interface SimRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  raw: IncomingMessage;
  res: ServerResponse;
  /** The body, read once. */
  body(): Promise<Buffer>;
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** What a proxy or CDN sends when the service behind it is down. */
export function sendHtmlErrorPage(res: ServerResponse): void {
  const body =
    '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
  res.writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export async function readJson(request: SimRequest): Promise<unknown> {
  const text = (await request.body()).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The key from `Authorization: <scheme> <key>`, if the scheme matches. */
export function keyFrom(headers: IncomingMessage['headers'], scheme: 'Bearer' | 'Key'): string | undefined {
  const value = headers.authorization;
  if (!value) return undefined;
  const [given, ...rest] = value.trim().split(/\s+/);
  return given?.toLowerCase() === scheme.toLowerCase() && rest.length === 1 ? rest[0] : undefined;
}
