import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  ts: number;
  args?: { name?: string; frame_reporter?: { state?: string; scroll_state?: string; has_missing_content?: boolean; checkerboarded_needs_raster?: boolean; checkerboarded_needs_record?: boolean } };
}

export interface CompositorFrames {
  /** Frames the display drew, and the time between consecutive ones (what the eye sees). */
  displayed: number;
  displayedFrameMs: { p50: number; p95: number; p99: number; max: number };
  /** Of the page's frames during the scroll: how many were dropped, and how many showed rows not yet drawn. */
  scrollFrames: number;
  droppedPercent: number;
  missingContentPercent: number;
}

/**
 * Reads a Chrome trace of a scroll made with real input: the display's frame times (viz's
 * `Display::FrameDisplayed`) and Chrome's own verdict on each of the page's scrolling frames
 * (`PipelineReporter`: presented, dropped, or presented with content missing, as when rows scroll
 * into view before the page has drawn them).
 */
export function compositorFrames(traceFile: string): CompositorFrames {
  const parsed = JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const processNames = new Map(events.filter((event) => event.ph === 'M' && event.name === 'process_name').map((event) => [event.pid, event.args?.name]));
  const displayedAt = events.filter((event) => event.name === 'Display::FrameDisplayed' && processNames.get(event.pid) === 'GPU Process').map((event) => event.ts).sort((a, b) => a - b);
  const gaps = displayedAt.slice(1).map((ts, index) => (ts - displayedAt[index]!) / 1000).sort((a, b) => a - b);
  const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))] ?? 0;
  const reports = events
    .filter((event) => event.name === 'PipelineReporter' && event.ph === 'b' && processNames.get(event.pid) === 'Renderer')
    .map((event) => event.args?.frame_reporter ?? {})
    .filter((report) => report.scroll_state !== undefined && report.scroll_state !== 'SCROLL_NONE' && report.state !== 'STATE_NO_UPDATE_DESIRED');
  const percentOf = (count: number) => (reports.length === 0 ? 0 : (100 * count) / reports.length);
  return {
    displayed: displayedAt.length,
    displayedFrameMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: gaps.at(-1) ?? 0 },
    scrollFrames: reports.length,
    droppedPercent: percentOf(reports.filter((report) => report.state === 'STATE_DROPPED').length),
    missingContentPercent: percentOf(reports.filter((report) => report.has_missing_content || report.checkerboarded_needs_raster || report.checkerboarded_needs_record).length),
  };
}
