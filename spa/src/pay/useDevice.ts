import { useSyncExternalStore } from 'react';
import { deviceOf, PHONE_MAX_WIDTH, type Device } from './channels';

const QUERIES = [`(max-width: ${PHONE_MAX_WIDTH}px)`, '(pointer: coarse)'];

function subscribe(changed: () => void) {
  const lists = QUERIES.map((q) => window.matchMedia(q));
  lists.forEach((l) => l.addEventListener('change', changed));
  return () => lists.forEach((l) => l.removeEventListener('change', changed));
}

function snapshot(): Device {
  return deviceOf({ width: window.innerWidth, coarsePointer: window.matchMedia(QUERIES[1]).matches });
}

/** A phone or a desktop, as the viewport says now (followed when it changes: a window resized, a tablet turned). */
export function useDevice(): Device {
  return useSyncExternalStore(subscribe, snapshot);
}
