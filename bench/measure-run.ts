// Runs one `lantern …` command in this process and prints its wall time and peak memory as JSON: the benchmark's
// child, so that peak memory is the command's own.
import { main } from '../src/cli/main.js';

const started = performance.now();
const exitCode = await main(process.argv.slice(2));
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ exitCode, seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
