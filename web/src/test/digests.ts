import type { Digest } from '../lib/digests';

/** A weekly digest whose last send failed, as GET /api/users/me/digests answers it. */
export const weeklyDigest: Digest = {
  id: 'd1', scope: 'ws_1', cadence: 'weekly', weekday: 'monday', localTime: '09:00', timeZone: 'Europe/Paris', email: 'dana@example.com',
  nextDueAt: '2026-12-07T08:00:00Z', granted: true,
  lastSend: { dueAt: '2026-11-30T08:00:00Z', status: 'failed', attempts: 4, reason: 'SocketException: Connection refused', sentAt: null },
};
