// The signed-in person's digests by e-mail (/api/users/me/digests, kept by the exports service).
import { apiError, authorizedFetch } from './api';

export type Cadence = 'daily' | 'weekly';
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** As many as the service keeps per person. */
export const MAX_DIGESTS = 10;

export interface DigestSettings {
  id?: string;
  scope: string;
  cadence: Cadence;
  weekday: Weekday | null;
  localTime: string;
  timeZone: string;
  email: string;
}

export interface DigestSend {
  dueAt: string;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  reason: string | null;
  sentAt: string | null;
}

export interface Digest extends DigestSettings {
  id: string;
  nextDueAt: string;
  granted: boolean;
  lastSend: DigestSend | null;
}

export const digestsKey = ['digests'] as const;
const URL = '/api/users/me/digests';

export async function fetchDigests(token: string, signal?: AbortSignal): Promise<Digest[]> {
  const response = await authorizedFetch(token, URL, { signal });
  if (!response.ok) throw await apiError(response, 'The digests');
  return ((await response.json()) as { digests: Digest[] }).digests;
}

/** Replaces the whole list; the answer is the list as stored. */
export async function saveDigests(token: string, digests: DigestSettings[]): Promise<Digest[]> {
  const body = digests.map(({ id, scope, cadence, weekday, localTime, timeZone, email }) =>
    ({ id, scope, cadence, weekday: cadence === 'weekly' ? weekday : null, localTime, timeZone, email }));
  const response = await authorizedFetch(token, URL, { method: 'PUT', body: JSON.stringify({ digests: body }) });
  if (!response.ok) throw await apiError(response, 'Saving the digests');
  return ((await response.json()) as { digests: Digest[] }).digests;
}

/** The browser's own zone: what a new digest starts with. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function newDigest(scope: string, email: string): DigestSettings {
  return { scope, cadence: 'weekly', weekday: 'monday', localTime: '08:00', timeZone: browserTimeZone(), email };
}

/** The last send as a person reads it. */
export function lastSendText(send: DigestSend | null): string {
  if (!send) return 'Not sent yet';
  const due = new Date(send.dueAt).toLocaleString();
  switch (send.status) {
    case 'sent': return `Sent ${new Date(send.sentAt ?? send.dueAt).toLocaleString()}`;
    case 'pending': return send.attempts > 0 ? `Retrying (attempt ${send.attempts} failed): ${send.reason ?? ''}` : `Sending (due ${due})`;
    case 'failed': return `Failed after ${send.attempts} attempts (due ${due}): ${send.reason ?? ''}`;
    case 'skipped': return send.reason ?? 'Not sent';
  }
}
