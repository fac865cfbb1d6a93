import { useReaderZone } from '../hooks/useReaderZone';
import { formatDateTime } from '../lib/readerZone';
import { relativeTime } from '../lib/relativeTime';

/** "5 min ago", with the exact time in the reader's zone (with its offset) and the ISO instant on hover. */
export function RelativeTime({ iso, now, prefix = '' }: { iso: string; now: Date; prefix?: string }) {
  const zone = useReaderZone();
  const exact = new Date(iso);
  return (
    <time dateTime={iso} title={Number.isNaN(exact.getTime()) ? iso : `${formatDateTime(iso, zone)} (${iso})`}>
      {prefix}{relativeTime(iso, now)}
    </time>
  );
}
