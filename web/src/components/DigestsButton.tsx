import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useRef, useState } from 'react';
import { digestsKey, fetchDigests } from '../lib/digests';
import type { DigestsDialogProps } from './DigestsDialog';
import { BUTTON } from './styles';

const DigestsDialog = lazy(() => import('./DigestsDialog'));

export type DigestsButtonProps = Omit<DigestsDialogProps, 'onClose'>;

/** Opens the digests dialog, loaded on first use; focus comes back here when it closes. It reads the person's digests
 * when the page loads, to show how many, and because that read is what keeps their digests going (the exports service
 * sends a digest only while the person's access was confirmed within the last 30 days). */
export function DigestsButton(props: DigestsButtonProps) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const digests = useQuery({ queryKey: digestsKey, queryFn: ({ signal }) => fetchDigests(props.token, signal), retry: false, staleTime: 5 * 60_000 });
  const count = digests.data?.length ?? 0;
  return (
    <>
      <button ref={opener} type="button" className={BUTTON} onClick={() => setOpen(true)} aria-haspopup="dialog">
        {count > 0 ? `Digests (${count})` : 'Digests'}
      </button>
      {open && (
        <Suspense fallback={null}>
          <DigestsDialog {...props} onClose={() => { setOpen(false); opener.current?.focus(); }} />
        </Suspense>
      )}
    </>
  );
}
