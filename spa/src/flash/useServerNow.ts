import { useEffect, useState } from 'react';

/** The server's clock now (ms), from this one and the measured offset, read again every {@code tickMs}. */
export function useServerNow(offsetMs: number, tickMs = 250): number {
  const [local, setLocal] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setLocal(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return local + offsetMs;
}
