// The exports audit (GET /api/exports/audit and /audit/verify, docs/exports.md): who took which file, and whether
// the hash chain over the records still holds.
import { ApiError } from './api';

export const OUTCOMES = ['ok', 'denied', 'invalid', 'throttled', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Fields the request did not carry (a 401 has no subject, a 400 may lack a format) are null. */
export interface AuditRecord {
  id: string;
  at: string;
  subject: string | null;
  name: string | null;
  role: string | null;
  tokenWorkspaces: string[];
  scope: string | null;
  timeframe: string | null;
  asOf: string | null;
  format: string | null;
  outcome: Outcome | string;
  status: number;
  bytes: number | null;
  sha256: string | null;
  durationMs: number;
  clientAddress: string | null;
  userAgent: string | null;
  hash: string;
}

export interface AuditPage { items: AuditRecord[]; next: string | null }
export interface AuditVerification { records: number; valid: boolean; firstInvalidId: string | null }
export interface AuditFilter { outcome: string; subject: string }

export const AUDIT_PAGE_SIZE = 50;

export const auditKey = (filter: AuditFilter) => ['exportAudit', filter.outcome, filter.subject] as const;

export function auditUrl(filter: AuditFilter, cursor: string | null): string {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (filter.outcome) query.set('outcome', filter.outcome);
  if (filter.subject.trim()) query.set('subject', filter.subject.trim());
  if (cursor) query.set('cursor', cursor);
  return `/api/exports/audit?${query}`;
}

export async function fetchAuditPage(token: string, filter: AuditFilter, cursor: string | null, signal?: AbortSignal): Promise<AuditPage> {
  return getJson<AuditPage>(token, auditUrl(filter, cursor), signal);
}

export async function verifyAudit(token: string, signal?: AbortSignal): Promise<AuditVerification> {
  return getJson<AuditVerification>(token, '/api/exports/audit/verify', signal);
}

async function getJson<T>(token: string, url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal });
  if (!response.ok) throw new ApiError(response.status, auditErrorMessage(response.status));
  return (await response.json()) as T;
}

function auditErrorMessage(status: number): string {
  if (status === 401) return 'Your session has expired: sign in again';
  if (status === 403) return 'You may not read the export history';
  return `The export history could not be read (${status}): try again in a moment`;
}

/** 1536 → "1.5 KB"; decimal-free below a kilobyte. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** 420 → "420 ms"; 1234 → "1.2 s". */
export function formatDurationMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
