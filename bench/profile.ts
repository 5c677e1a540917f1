/**
 * What the extension's content script costs a page's main thread, in Chromium: the V8 sampling profiler's share of
 * busy samples in the extension's own code (the natives it calls included), and the page's main-thread task time
 * (CDP Performance.getMetrics TaskDuration, thread CPU time). Shared by the main-thread and checklist benches.
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Starts the V8 sampling profiler of the page's renderer (content scripts run in the same isolate, in their own
 * world); `stop()` returns which share of the busy (non-idle) samples was in the extension's code, the natives it
 * called included. Shares, not the samples' wall time: on a loaded machine the thread may be descheduled.
 */
export async function startProfile(cdp: CDPSession, extensionId: string): Promise<{ stop(): Promise<number> }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      await cdp.send('Profiler.disable');
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const ours = new Map<number, boolean>();
      const isOurs = (id: number): boolean => {
        const known = ours.get(id);
        if (known !== undefined) return known;
        const n = byId.get(id)!;
        const p = parent.get(id);
        const v = n.callFrame.url.startsWith(`chrome-extension://${extensionId}/`) || (p !== undefined && isOurs(p));
        ours.set(id, v);
        return v;
      };
      let us = 0;
      let busy = 0;
      for (let i = 0; i < profile.samples.length; i++) {
        const dt = profile.timeDeltas[i + 1] ?? 0;
        const id = profile.samples[i];
        if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
        busy += dt;
        if (isOurs(id)) us += dt;
      }
      return busy ? us / busy : 0;
    },
  };
}

/** The page's main-thread task time so far (ms). */
export async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = metrics.find((x: { name: string }) => x.name === 'TaskDuration');
  return (m?.value ?? 0) * 1000;
}
