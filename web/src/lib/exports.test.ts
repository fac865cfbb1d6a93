import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { formatBytes, formatDurationMs } from './exportAudit';
import { ExportError, exportErrorMessage, exportUrl, filenameFromDisposition, retryAfterSeconds, toSecondIso } from './exports';

describe('exports', () => {
  it('cuts asOf to the second, in UTC with a Z', () => {
    expect(toSecondIso('2026-01-08T00:00:00.999Z')).toBe('2026-01-08T00:00:00Z');
    expect(toSecondIso('2026-01-08T02:30:15+02:00')).toBe('2026-01-08T00:30:15Z');
    expect(toSecondIso('2026-01-08T00:00:00Z')).toBe('2026-01-08T00:00:00Z');
  });

  it('builds the download URL in the spec\'s parameter names, leaving out an empty card list', () => {
    expect(exportUrl({ scope: 'ws 1', timeframe: '90d', format: 'csv', asOf: '2026-01-08T00:00:00Z', cards: ['a', 'b'] }))
      .toBe('/api/exports/dashboard?workspace_id=ws+1&timeframe=90d&format=csv&asOf=2026-01-08T00%3A00%3A00Z&cards=a%2Cb');
    expect(exportUrl({ scope: 'all', timeframe: 'all', format: 'pdf', asOf: '2026-01-08T00:00:00Z', cards: [] }))
      .toBe('/api/exports/dashboard?workspace_id=all&timeframe=all&format=pdf&asOf=2026-01-08T00%3A00%3A00Z');
  });

  it('passes the reader\'s zone and week start, as the page reads the overview', () => {
    expect(exportUrl({ scope: 'all', timeframe: '30d', format: 'pdf', asOf: '2026-01-08T00:00:00Z', cards: [], reader: { timeZone: 'Asia/Kathmandu', weekStart: 'sunday' } }))
      .toBe('/api/exports/dashboard?workspace_id=all&timeframe=30d&format=pdf&asOf=2026-01-08T00%3A00%3A00Z&tz=Asia%2FKathmandu&weekStart=sunday');
  });

  it('reads the filename the server gives', () => {
    expect(filenameFromDisposition('attachment; filename="executive-dashboard_all_30d_20260108T000000Z.pdf"')).toBe('executive-dashboard_all_30d_20260108T000000Z.pdf');
    expect(filenameFromDisposition('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(filenameFromDisposition('attachment; filename="a \\"b\\".pdf"')).toBe('a "b".pdf');
    // RFC 5987's form wins over the ASCII fallback (ASP.NET sends both for non-ASCII names).
    expect(filenameFromDisposition('attachment; filename="caf_.csv"; filename*=UTF-8\'\'caf%C3%A9.csv')).toBe('café.csv');
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('17')).toBe(17);
    expect(retryAfterSeconds('Thu, 08 Jan 2026 00:00:30 GMT', Date.parse('2026-01-08T00:00:00Z'))).toBe(30);
    expect(retryAfterSeconds('soon')).toBeNull();
    expect(retryAfterSeconds(null)).toBeNull();
  });

  it('never leaves a failure without words', () => {
    expect(exportErrorMessage(new ExportError(429, '', null))).toBe('Too many exports: try again in a minute');
    expect(exportErrorMessage(new ExportError(400, 'timeframe must be one of 24h, 7d, 30d, 90d, all'))).toBe('The export was refused: timeframe must be one of 24h, 7d, 30d, 90d, all');
    expect(exportErrorMessage(new ApiError(404, ''))).toBe('The export was refused (404)');
    expect(exportErrorMessage(new Error('boom'))).toBe('The export failed: try again in a moment');
  });

  it('writes sizes and durations briefly', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(formatBytes(null)).toBe('—');
    expect(formatDurationMs(999)).toBe('999 ms');
    expect(formatDurationMs(1234)).toBe('1.2 s');
  });
});
