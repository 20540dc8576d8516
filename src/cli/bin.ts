#!/usr/bin/env node
import { main } from './main.js';

// A reader that stops early (`lantern run --help | head`) closes the pipe: what is left to print has nowhere to go,
// and the command goes on to its end (a run still publishes) instead of dying of an unhandled write error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});

process.exitCode = await main(process.argv.slice(2));
