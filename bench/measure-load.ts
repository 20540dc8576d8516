// Runs one `events load` in this process and prints its figures as JSON: the benchmark's child, so that peak memory
// is the loader's own.
import { createEngine } from '../src/engine/create-engine.js';
import { loadEvents } from '../src/events/event-loader.js';
import { parseInterval } from '../src/events/interval.js';
import { openLogSource } from '../src/events/open-source.js';

const [logs, interval, dataDir] = process.argv.slice(2) as [string, string, string];
const engine = await createEngine({ dataDir });
const started = performance.now();
const report = await loadEvents(await openLogSource(logs), engine, { interval: parseInterval(interval), dataDir });
const seconds = (performance.now() - started) / 1000;
await engine.close();
console.log(JSON.stringify({ seconds, events: report.totals.events, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
