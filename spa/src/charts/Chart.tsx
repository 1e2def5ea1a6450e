import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from '../components/Status';

/** The colours of the ABC classes and of the series, dark enough to read on white. */
export const CHART_COLOURS = {
  A: '#c2410c', B: '#d97706', C: '#6b7280',
  sold: '#2563eb', predicted: '#9333ea', forecast: '#c2410c', left: '#d1d5db', line: '#111827',
} as const;

// Chart.js is a chunk of its own, loaded with the first chart, so the console's other pages do not carry it either.
const ChartCanvas = lazy(() => import('./ChartCanvas').then((module) => ({ default: module.ChartCanvas })));

/** A chart (see ChartCanvas), with a loading state while the charting library arrives. */
export function Chart(props: ComponentProps<typeof ChartCanvas>) {
  return <Suspense fallback={<Loading />}><ChartCanvas {...props} /></Suspense>;
}
