/**
 * A request body as text, at most `limit` bytes, read as it streams: a chunked body carries no
 * Content-Length for the proxy to refuse, so the cap is enforced here without buffering more.
 * `undefined` when the body is larger than the limit.
 */
export async function readCappedText(req: Request, limit: number): Promise<string | undefined> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
