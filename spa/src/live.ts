import { useEffect, useRef, useState } from 'react';
import type { Api } from './api';

/** One server-sent event: its id (the last one seen is sent back on reconnecting), name and data. */
export interface LiveEvent {
  id: string | null;
  name: string;
  data: string;
}

/**
 * connecting: not yet open; open: events arrive as they happen; retrying: cut off, reconnecting; refused:
 * the server will not stream this (gone, not the caller's), so it stops trying. Pages poll unless open.
 */
export type LiveState = 'connecting' | 'open' | 'retrying' | 'refused';

/** The server sends a keep-alive every 15 s: a stream silent for this long is dead even if the socket is not. */
export const SILENCE_MS = 40_000;

/** Answers that another try would get again (401 is not one: a refreshed token may be accepted). */
const FINAL = new Set([400, 403, 404, 410]);

class Refused extends Error {}

/**
 * Splits what a stream sent so far into its complete events and the unfinished rest (the text/event-stream
 * format: fields per line, an empty line ends an event, lines starting with ':' are comments).
 */
export function parseEvents(text: string): { events: LiveEvent[]; rest: string } {
  const events: LiveEvent[] = [];
  const blocks = text.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let id: string | null = null;
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ id, name, data: data.join('\n') });
  }
  return { events, rest };
}

/** How long to wait before the n-th reconnection in a row: 1 s doubling to 15 s, with jitter so pods are not stormed. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Follows a live stream of the API with the caller's token (fetch, not EventSource, which cannot send one):
 * every event goes to {@code onEvent}; when the stream is cut, falls silent for {@link SILENCE_MS} or the
 * token expires, it reconnects with the last event id, so nothing is missed and nothing comes twice. An
 * answer such as 404 ends it ('refused'). Returns a function that stops it.
 */
export function follow(api: Api, path: string, onEvent: (event: LiveEvent) => void, onState: (state: LiveState) => void): () => void {
  const stop = new AbortController();
  let lastId: string | null = null;
  let attempt = 0;

  async function once(): Promise<void> {
    const cut = new AbortController();
    const abort = () => cut.abort();
    stop.signal.addEventListener('abort', abort);
    let silence = setTimeout(abort, SILENCE_MS);
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(abort, SILENCE_MS);
    };
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      const token = api.token();
      if (token) headers.Authorization = `Bearer ${token}`;
      if (lastId !== null) headers['Last-Event-ID'] = lastId;
      const response = await fetch(api.base + path, { headers, signal: cut.signal, cache: 'no-store' });
      if (!response.ok || !response.body) {
        void response.body?.cancel();
        if (FINAL.has(response.status)) throw new Refused(`live stream answered ${response.status}`);
        throw new Error(`live stream answered ${response.status}`);
      }
      heard();
      onState('open');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let pending = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        heard();
        attempt = 0; // the stream delivers (its first write is at once): a stream that ends unheard backs off
        const parsed = parseEvents(pending + value);
        pending = parsed.rest;
        for (const event of parsed.events) {
          if (event.id !== null) lastId = event.id;
          onEvent(event);
        }
      }
    } finally {
      clearTimeout(silence);
      stop.signal.removeEventListener('abort', abort);
      cut.abort(); // whatever ended this attempt, its connection goes with it
    }
  }

  void (async () => {
    onState('connecting');
    while (!stop.signal.aborted) {
      try {
        await once();
      } catch (e) {
        if (e instanceof Refused) {
          onState('refused');
          return;
        }
        // cut off, silent, refused for now or offline: try again after a while
      }
      if (stop.signal.aborted) return;
      onState('retrying');
      attempt += 1;
      await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt)));
    }
  })();
  return () => stop.abort();
}

/**
 * Follows {@code path} while it is not null, calling {@code onChange} after events (at most once per
 * 200 ms, so the first burst of a stream asks the server once) and whenever the stream (re)opens, when
 * the page should catch up. Returns the stream's state: pages poll only while it is not open.
 */
export function useLive(api: Api, path: string | null, onChange: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (path === null) return undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const changed = () => {
      timer ??= setTimeout(() => {
        timer = null;
        latest.current();
      }, 200);
    };
    const stop = follow(api, path, changed, (next) => {
      setState(next);
      if (next === 'open') changed();
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [api, path]);
  return path === null ? 'connecting' : state;
}
