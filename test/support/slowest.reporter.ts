// Prints, after the run, the ten slowest test files and tests, with each test's share of its time
// limit: a test near its limit fails on a slow day (the machines run up to 4x slower), so this
// list is where to look before it does.
import type { Reporter, TestModule } from 'vitest/node';

const SHOWN = 10;

export default class SlowestReporter implements Reporter {
  private limitMs = 0;

  onInit(ctx: { config: { testTimeout: number } }): void {
    this.limitMs = ctx.config.testTimeout;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const files = modules
      .map((m) => ({ name: `${m.project.name} ${m.relativeModuleId}`, ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SHOWN);
    const tests = modules
      .flatMap((m) =>
        [...m.children.allTests()].map((t) => ({
          name: `${m.relativeModuleId} > ${t.fullName}`,
          ms: t.diagnostic()?.duration ?? 0,
          limitMs: t.options.timeout ?? this.limitMs,
        })),
      )
      .sort((a, b) => b.ms / b.limitMs - a.ms / a.limitMs)
      .slice(0, SHOWN);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`\nThe ${SHOWN} slowest files:`);
    for (const f of files) console.log(`  ${s(f.ms).padStart(8)}  ${f.name}`);
    console.log(`The ${SHOWN} tests nearest their time limit:`);
    for (const t of tests) {
      const share = `${Math.round((100 * t.ms) / t.limitMs)}%`.padStart(4);
      console.log(`  ${share} of ${s(t.limitMs)}  ${s(t.ms).padStart(8)}  ${t.name}`);
    }
  }
}
