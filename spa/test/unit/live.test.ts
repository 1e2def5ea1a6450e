import { afterEach, describe, expect, it, vi } from 'vitest';
import { Api } from '../../src/api';
import { follow, parseEvents, retryDelay, SILENCE_MS, type LiveEvent, type LiveState } from '../../src/live';

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

  it('gives up a stream that falls silent and comes back with the last event id', async () => {
    vi.useFakeTimers();
    const requests: Record<string, string>[] = [];
    let opened = 0;
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      requests.push(init.headers as Record<string, string>);
      opened += 1;
      // An open socket that sends one event and then nothing, not even a keep-alive; cut only by the caller.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (opened === 1) controller.enqueue(new TextEncoder().encode('id: 4\nevent: step\ndata: {}\n\n'));
          init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    }));
    const states: LiveState[] = [];
    const stop = follow(new Api('/api', () => 't'), '/shipping/shipments/9/live', () => {}, (s) => states.push(s));

    await vi.advanceTimersByTimeAsync(SILENCE_MS - 1000);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000 + 2000);
    stop();

    expect(requests).toHaveLength(2);
    expect(requests[1]['Last-Event-ID']).toBe('4');
    expect(states.slice(0, 3)).toEqual(['connecting', 'open', 'retrying']);
  });

  it('stops for good when the server refuses the stream (404), and keeps trying after a 401', async () => {
    vi.useFakeTimers();
    const answers = [new Response(null, { status: 401 }), new Response(null, { status: 404 })];
    const fetched = vi.fn(async () => answers.shift() ?? new Response(null, { status: 404 }));
    vi.stubGlobal('fetch', fetched);
    const states: LiveState[] = [];
    const stop = follow(new Api('/api', () => 't'), '/cart-order/orders/6/live', () => {}, (s) => states.push(s));

    await vi.advanceTimersByTimeAsync(120_000);
    stop();

    expect(fetched).toHaveBeenCalledTimes(2);
    expect(states).toEqual(['connecting', 'retrying', 'refused']);
  });

  it('backs off from a server that opens streams and ends them before sending anything', async () => {
    vi.useFakeTimers();
    const fetched = vi.fn(async () => streamOf());
    vi.stubGlobal('fetch', fetched);
    const stop = follow(new Api('/api', () => 't'), '/cart-order/orders/7/live', () => {}, () => {});

    await vi.advanceTimersByTimeAsync(60_000);
    stop();

    // 1 s, 2 s, 4 s, 8 s, then 15 s apart (give or take a quarter): about 7 in a minute, not 60.
    expect(fetched.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(fetched.mock.calls.length).toBeLessThanOrEqual(9);
  });
});
