// Runs one `lantern …` command in this process and prints its wall time, CPU time (user and system, all threads) and
// peak memory as JSON: the benchmark's child, so that the figures are the command's own.
import { main } from '../src/cli/main.js';

const started = performance.now();
const cpuAtStart = process.cpuUsage();
const exitCode = await main(process.argv.slice(2));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuAtStart);
console.log(JSON.stringify({ exitCode, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
