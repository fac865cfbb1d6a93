import { useId, useMemo } from 'react';
import type { PreferencesStatus } from '../hooks/usePreferences';
import { WEEK_STARTS, zoneIds, type ReaderSetting, type WeekStart } from '../lib/readerZone';

const STATUS_TEXT: Record<PreferencesStatus, string> = { idle: '', saving: 'Saving…', saved: 'Saved', error: 'Not saved: try again' };

const SELECT =
  'rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200';

/** The person's time zone and first day of the week: charts, times and exports follow them; saved for every browser. */
export function ReaderSettings({ setting, status, onChange }: { setting: ReaderSetting; status: PreferencesStatus; onChange: (s: ReaderSetting) => void }) {
  const zoneId = useId();
  const weekId = useId();
  const zones = useMemo(() => zoneIds(setting.timeZone), [setting.timeZone]);
  return (
    <div role="group" aria-label="Time zone and week start" className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
      <label htmlFor={zoneId}>Time zone</label>
      <select id={zoneId} name="timeZone" value={setting.timeZone} onChange={(e) => onChange({ ...setting, timeZone: e.target.value })} className={SELECT}>
        {zones.map((z) => <option key={z} value={z}>{z.replaceAll('_', ' ')}</option>)}
      </select>
      <label htmlFor={weekId}>Week starts</label>
      <select id={weekId} name="weekStart" value={setting.weekStart} onChange={(e) => onChange({ ...setting, weekStart: e.target.value as WeekStart })} className={SELECT}>
        {WEEK_STARTS.map((d) => <option key={d} value={d}>{d[0].toUpperCase() + d.slice(1)}</option>)}
      </select>
      <span role="status" className={status === 'error' ? 'text-red-700 dark:text-red-400' : undefined}>{STATUS_TEXT[status]}</span>
    </div>
  );
}
