import {
  ArcElement, BarController, BarElement, BubbleController, CategoryScale, Chart, DoughnutController, Legend,
  LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only the parts the console's charts use are registered, so the bundle carries only those
// (Chart.js 4 is tree-shaken this way). This module is loaded through ./Chart.tsx alone, so it is a
// chunk of its own, downloaded on the first chart the console draws: shoppers never download it.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, BubbleController,
  DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip, Legend);

Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
Chart.defaults.color = '#374151';

/**
 * A Chart.js chart on a canvas, drawn again when {@code config} changes (the caller memoises it).
 * The canvas is an image with {@code label} as its name; the figures themselves are in a table
 * beside it for those who cannot see it. {@code points} (how many values it draws) is written as
 * data-points, so a test can tell a chart with data from an empty one.
 */
export function ChartCanvas({ config, label, points, height = 320 }: {
  config: ChartConfiguration; label: string; points: number; height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const chart = new Chart(canvas.current!, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, animation: reduced ? false : { duration: 300 }, ...config.options },
    } as ChartConfiguration);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} data-points={points} />
    </div>
  );
}
