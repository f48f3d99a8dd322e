/**
 * Node flags the API runs with (npm start, the benchmark, the Docker image).
 *
 * V8 grows its heap lazily: under 32 concurrent requests, short-lived objects outlive two young
 * collections, get promoted, and the old generation grows toward its default ceiling (about 2 GB)
 * before a full collection, so the process sat at 300–330 MiB resident while its live data is a
 * fraction of that. A fixed budget makes V8 collect sooner: at scale M the API stays near 170 MiB
 * with the same throughput (BENCHMARKS.md). API_NODE_OPTIONS replaces these flags.
 */
export const API_NODE_OPTIONS = process.env.API_NODE_OPTIONS ?? '--max-old-space-size=192 --max-semi-space-size=8';

/** NODE_OPTIONS for the API process: the budget plus whatever the caller already set. */
export function apiNodeOptions(extra = process.env.NODE_OPTIONS) {
  return [extra, API_NODE_OPTIONS].filter(Boolean).join(' ');
}
