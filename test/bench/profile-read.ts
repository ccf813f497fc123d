// Reading a V8 CPU profile of the server: self time by function and by package (or our own file),
// for bench:profile's report and bench:profile-diff's comparison of two profiles.
import type { Profiler } from 'node:inspector';

export interface SelfTimes {
  /** Sampled time in all, and the part of it idle (µs). */
  total: number;
  idle: number;
  byFunction: Map<string, number>;
  byPackage: Map<string, number>;
}

export function selfTimes(profile: Profiler.Profile): SelfTimes {
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let total = 0;
  let idle = 0;
  profile.samples!.forEach((id, i) => {
    const dt = profile.timeDeltas![i]!;
    total += dt;
    const f = nodes.get(id)!.callFrame;
    if (f.functionName === '(idle)') idle += dt;
    const where = f.url.includes('node_modules/.pnpm/')
      ? f.url.split('node_modules/.pnpm/')[1]!.split('/')[0]!.replace(/_.*/, '')
      : f.url.replace(/^file:\/\/\/work\/[^/]+\//, '') || f.functionName;
    add(byFunction, `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber}`, dt);
    add(byPackage, where, dt);
  });
  return { total, idle, byFunction, byPackage };
}
