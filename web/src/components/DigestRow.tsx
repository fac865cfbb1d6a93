import { useId } from 'react';
import { WEEKDAYS, lastSendText, type Digest, type DigestSettings, type Weekday } from '../lib/digests';
import { formatDateTime } from '../lib/readerZone';
import { BUTTON, SUBTEXT } from './styles';

const FIELD = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
const LABEL = 'flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300';
const ZONES = ['UTC', 'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney'];

export interface DigestRowProps {
  index: number;
  digest: DigestSettings;
  /** What the service last said of this digest; absent for one not saved yet. */
  stored?: Digest;
  scopes: string[];
  onChange: (next: DigestSettings) => void;
  onRemove: () => void;
}

/** One digest's settings as a fieldset: scope, cadence, weekday (weekly), local time, time zone, e-mail, and its last send. */
export function DigestRow({ index, digest, stored, scopes, onChange, onRemove }: DigestRowProps) {
  const zones = useId();
  const set = (patch: Partial<DigestSettings>) => onChange({ ...digest, ...patch });
  const scopeLabel = (s: string) => (s === 'all' ? 'All workspaces' : s);
  return (
    <fieldset className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold text-slate-800 dark:text-slate-100">Digest {index + 1}</legend>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <label className={LABEL}>Scope
          <select className={FIELD} value={digest.scope} onChange={(e) => set({ scope: e.target.value })}>
            {[...new Set([...scopes, digest.scope])].map((s) => <option key={s} value={s}>{scopeLabel(s)}</option>)}
          </select>
        </label>
        <label className={LABEL}>Every
          <select className={FIELD} value={digest.cadence}
            onChange={(e) => set(e.target.value === 'weekly' ? { cadence: 'weekly', weekday: digest.weekday ?? 'monday' } : { cadence: 'daily', weekday: null })}>
            <option value="daily">Day (last 24 hours)</option>
            <option value="weekly">Week (last 7 days)</option>
          </select>
        </label>
        {digest.cadence === 'weekly' && (
          <label className={LABEL}>On
            <select className={FIELD} value={digest.weekday ?? 'monday'} onChange={(e) => set({ weekday: e.target.value as Weekday })}>
              {WEEKDAYS.map((d) => <option key={d} value={d}>{d[0].toUpperCase() + d.slice(1)}</option>)}
            </select>
          </label>
        )}
        <label className={LABEL}>At (local time)
          <input type="time" required className={FIELD} value={digest.localTime} onChange={(e) => set({ localTime: e.target.value })} />
        </label>
        <label className={LABEL}>Time zone
          <input type="text" required list={zones} className={FIELD} value={digest.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />
          <datalist id={zones}>{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
        </label>
        <label className={LABEL}>E-mail
          <input type="email" required className={FIELD} value={digest.email} onChange={(e) => set({ email: e.target.value })} />
        </label>
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <p className={SUBTEXT}>
          {stored ? (
            <>
              {!stored.granted && <span className="font-medium text-red-700 dark:text-red-300">Your access no longer includes this scope: it is not sent. </span>}
              Next: {formatDateTime(stored.nextDueAt, stored.timeZone)} · {lastSendText(stored.lastSend)}
            </>
          ) : 'Not saved yet'}
        </p>
        <button type="button" onClick={onRemove} className={`${BUTTON} px-2 py-0.5 text-xs`} aria-label={`Remove digest ${index + 1}`}>Remove</button>
      </div>
    </fieldset>
  );
}
