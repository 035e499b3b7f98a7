/**
 * The page's main-thread work over a stretch of scans, per scan: Chromium's own counters (the DevTools
 * protocol's Performance metrics, in thread time), not a clock around the scans. Its script, style and
 * layout parts move with the app's work and little else; the total also holds paint and the browser's own
 * input handling, and moved by up to a fifth between identical runs on a 2-vCPU VM.
 */
import type { CDPSession, Page } from 'playwright-core';

const METRICS = {
  task: 'TaskDuration',
  script: 'ScriptDuration',
  style: 'RecalcStyleDuration',
  layout: 'LayoutDuration',
} as const;

export type MainThreadCost = Record<keyof typeof METRICS, number>;

async function readMetrics(session: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await session.send('Performance.getMetrics');
  return new Map(metrics.map((metric) => [metric.name, metric.value]));
}

/** Runs `scans` (which makes `count` scans) and returns the page's main-thread milliseconds per scan. */
export async function mainThreadPerScan(
  page: Page,
  count: number,
  scans: () => Promise<void>,
): Promise<MainThreadCost> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    const before = await readMetrics(session);
    await scans();
    const after = await readMetrics(session);
    const per = (name: string) => (((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000) / count;
    return {
      task: per(METRICS.task),
      script: per(METRICS.script),
      style: per(METRICS.style),
      layout: per(METRICS.layout),
    };
  } finally {
    await session.detach();
  }
}

export function describeCost(label: string, cost: MainThreadCost): string {
  const ms = (value: number) => value.toFixed(1);
  return `${label}: ${ms(cost.task)} ms in tasks (script ${ms(cost.script)}, style ${ms(cost.style)}, layout ${ms(cost.layout)})`;
}
