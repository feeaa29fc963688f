import * as assert from 'assert';
import { startCpuBurner } from '../../host/cpu-burner';

describe('CPU burner', function () {
  this.timeout(30_000);

  it('keeps its threads spinning until stopped', async () => {
    const burner = startCpuBurner(2);
    try {
      assert.strictEqual(burner.threads, 2);
      // Two spinning threads use CPU time faster than the clock runs, however busy the machine.
      const before = process.cpuUsage();
      const started = Date.now();
      let spent = 0;
      while (spent < 400) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        spent = process.cpuUsage(before).user / 1000;
        assert.ok(Date.now() - started < 20_000, `only ${spent.toFixed(0)} ms of CPU time in 20 s`);
      }
    } finally {
      await burner.stop();
    }
    // Stopped: a second stop is the same promise, already settled.
    await burner.stop();
  });
});
