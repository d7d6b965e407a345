// Preloaded into a process the benchmark runs (`node -r bench/peak-memory.cjs …`): writes the
// process's peak resident memory (VmHWM, in kB) and the CPU time it used (user and system, in
// ms) to the file named by INKWIRE_BENCH_PEAK as it exits, separated by a space.
const { readFileSync, writeFileSync } = require('node:fs');
const out = process.env.INKWIRE_BENCH_PEAK;
if (out) {
  process.on('exit', () => {
    const status = readFileSync('/proc/self/status', 'utf8');
    const { user, system } = process.cpuUsage();
    writeFileSync(out, `${/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? '0'} ${Math.round((user + system) / 1000)}`);
  });
}
