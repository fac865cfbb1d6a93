// The dashboard as a file (GET /api/exports/dashboard, docs/exports.md): the request, the server's
// filename, the messages a person reads when it fails, and the save through a temporary link.
import { ApiError, problemDetail } from './api';
import { readerParams, type ReaderSetting } from './readerZone';
import type { Timeframe } from './types';

export type ExportFormat = 'pdf' | 'csv';

export interface ExportRequest {
  scope: string;
  timeframe: Timeframe;
  format: ExportFormat;
  /** The asOf of the numbers on screen, so that the file holds exactly those numbers. */
  asOf: string;
  /** The card ids in the order the page shows them. */
  cards: readonly string[];
  /** The reader's zone and week start, as the page reads the overview: the file's buckets and times follow them. */
  reader?: ReaderSetting;
}

/** A refused or failed export; `retryAfter` (seconds) comes with a 429. */
export class ExportError extends ApiError {
  constructor(status: number, message: string, public readonly retryAfter: number | null = null) {
    super(status, message);
  }
}

/** ISO 8601 in UTC to the second: the server names the file by it and reads the overview at it. */
export function toSecondIso(iso: string): string {
  return new Date(Math.floor(new Date(iso).getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function exportUrl(r: ExportRequest): string {
  const query = new URLSearchParams({
    workspace_id: r.scope, timeframe: r.timeframe, format: r.format, asOf: toSecondIso(r.asOf), ...(r.reader ? readerParams(r.reader) : {}),
  });
  if (r.cards.length > 0) query.set('cards', r.cards.join(','));
  return `/api/exports/dashboard?${query}`;
}

/** The name in `Content-Disposition`: RFC 5987's `filename*` first (it may carry any character), then `filename`. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try { return decodeURIComponent(extended[2].trim()); } catch { /* malformed: fall back to filename */ }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  if (!plain) return null;
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2];
}

/** `Retry-After` as seconds from now: a number of seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export async function downloadExport(token: string, r: ExportRequest, signal?: AbortSignal): Promise<{ blob: Blob; filename: string }> {
  const response = await fetch(exportUrl(r), { headers: { Authorization: `Bearer ${token}` }, signal });
  if (!response.ok) {
    throw new ExportError(response.status, await problemDetail(response), retryAfterSeconds(response.headers.get('Retry-After')));
  }
  const blob = await response.blob();
  return { blob, filename: filenameFromDisposition(response.headers.get('Content-Disposition')) ?? `executive-dashboard.${r.format}` };
}

/** What a person reads when an export did not come: never blank, and saying what to do next. */
export function exportErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'The export failed: try again in a moment';
  if (error.status === 401) return 'Your session has expired: sign in again';
  if (error.status === 403) return 'You may not export this scope';
  if (error.status === 429) {
    const wait = error instanceof ExportError ? error.retryAfter : null;
    return wait === null ? 'Too many exports: try again in a minute' : `Too many exports: try again in ${wait} s`;
  }
  if (error.status >= 500) return 'The export failed: try again in a moment';
  return error.message ? `The export was refused: ${error.message}` : `The export was refused (${error.status})`;
}

/** Saves through a temporary `<a download>`: the browser's own download, with the server's filename. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has handed the URL to the download (revoking at once can cancel it in some browsers).
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
