import { lazy, Suspense, useRef, useState } from 'react';
import type { DigestsDialogProps } from './DigestsDialog';
import { BUTTON } from './styles';

const DigestsDialog = lazy(() => import('./DigestsDialog'));

export type DigestsButtonProps = Omit<DigestsDialogProps, 'onClose'>;

/** Opens the digests dialog, loaded on first use; focus comes back here when it closes. */
export function DigestsButton(props: DigestsButtonProps) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={opener} type="button" className={BUTTON} onClick={() => setOpen(true)} aria-haspopup="dialog">Digests</button>
      {open && (
        <Suspense fallback={null}>
          <DigestsDialog {...props} onClose={() => { setOpen(false); opener.current?.focus(); }} />
        </Suspense>
      )}
    </>
  );
}
