import { relativeTime } from '../lib/relativeTime';

/** "5 min ago", with the exact local time and the ISO instant on hover. */
export function RelativeTime({ iso, now, prefix = '' }: { iso: string; now: Date; prefix?: string }) {
  const exact = new Date(iso);
  return (
    <time dateTime={iso} title={Number.isNaN(exact.getTime()) ? iso : `${exact.toLocaleString()} (${iso})`}>
      {prefix}{relativeTime(iso, now)}
    </time>
  );
}
