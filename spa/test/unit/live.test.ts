import { afterEach, describe, expect, it, vi } from 'vitest';
import { Api } from '../../src/api';
import { follow, parseEvents, retryDelay, type LiveEvent, type LiveState } from '../../src/live';

describe('parseEvents', () => {
  it('reads complete events and keeps the unfinished rest', () => {
    const { events, rest } = parseEvents('id: 7\nevent: step\ndata: {"status":"PAID"}\n\n: keep-alive\n\nid: 8\nevent: st');
    expect(events).toEqual([{ id: '7', name: 'step', data: '{"status":"PAID"}' }]);
    expect(rest).toBe('id: 8\nevent: st');
  });

  it('joins multi-line data, ignores comments and unknown fields, and accepts CRLF', () => {
    const { events } = parseEvents('data: a\r\ndata:b\r\nretry: 5\r\n\r\n:only a comment\n\n');
    expect(events).toEqual([{ id: null, name: 'message', data: 'a\nb' }]);
  });
});

describe('retryDelay', () => {
  it('doubles from about a second to at most about fifteen, with jitter', () => {
    expect(retryDelay(1, () => 0.5)).toBe(1000);
    expect(retryDelay(3, () => 0.5)).toBe(4000);
    expect(retryDelay(10, () => 0.5)).toBe(15000);
    expect(retryDelay(1, () => 0)).toBe(750);
    expect(retryDelay(1, () => 1)).toBe(1250);
  });
});

/** A response whose body streams these chunks, then ends (the connection is cut). */
function streamOf(...chunks: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('follow', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('sends the token, comes back after a cut with the last event id, and passes every event once', async () => {
    vi.useFakeTimers();
    const requests: Record<string, string>[] = [];
    const answers = [
      streamOf('id: 1\nevent: step\ndata: {"n":1}\n\nid: 2\nevent: st', 'ep\ndata: {"n":2}\n\n'),
      new Response('{"title":"Unavailable"}', { status: 502 }),
      streamOf('id: 3\nevent: step\ndata: {"n":3}\n\n'),
    ];
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      requests.push(init.headers as Record<string, string>);
      return answers.shift() ?? new Promise<Response>(() => {});
    }));
    const events: LiveEvent[] = [];
    const states: LiveState[] = [];
    const stop = follow(new Api('/api', () => 'token-1'), '/cart-order/orders/5/live', (e) => events.push(e), (s) => states.push(s));

    await vi.advanceTimersByTimeAsync(60_000);
    stop();

    expect(events.map((e) => e.data)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    expect(requests).toHaveLength(4);
    expect(requests[0]).toEqual({ Accept: 'text/event-stream', Authorization: 'Bearer token-1' });
    expect(requests[1]['Last-Event-ID']).toBe('2');
    expect(requests[2]['Last-Event-ID']).toBe('2');
    expect(requests[3]['Last-Event-ID']).toBe('3');
    expect(states).toEqual(['connecting', 'open', 'retrying', 'retrying', 'open', 'retrying']);
  });
});
