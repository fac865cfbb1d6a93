import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { MAX_DIGESTS, digestsKey, fetchDigests, newDigest, saveDigests, type DigestSettings } from '../lib/digests';
import { Dialog } from './Dialog';
import { DigestRow } from './DigestRow';
import { BUTTON, ERROR_TEXT } from './styles';

export interface DigestsDialogProps {
  token: string;
  /** The scopes the person may subscribe to (their token's), 'all' included only with '*'. */
  scopes: string[];
  /** The scope on screen: what a new digest starts with. */
  scope: string;
  onClose: () => void;
}

/** The person's digests by e-mail: list, add, edit and remove, saved as a whole. Loaded when first opened. */
export default function DigestsDialog({ token, scopes, scope, onClose }: DigestsDialogProps) {
  const client = useQueryClient();
  const stored = useQuery({ queryKey: digestsKey, queryFn: ({ signal }) => fetchDigests(token, signal), staleTime: 0, retry: false });
  const [draft, setDraft] = useState<DigestSettings[] | null>(null);
  // The draft starts from a read made for this dialog, never from the list the header's button read when the page loaded:
  // digests changed since (another tab, another device) would otherwise be overwritten by the next save.
  useEffect(() => { if (stored.data && stored.isFetchedAfterMount && !stored.isFetching && draft === null) setDraft(stored.data); },
    [stored.data, stored.isFetchedAfterMount, stored.isFetching, draft]);
  const save = useMutation({
    mutationFn: (list: DigestSettings[]) => saveDigests(token, list),
    onSuccess: (list) => { client.setQueryData(digestsKey, list); setDraft(list); },
  });
  const lastEmail = draft?.at(-1)?.email ?? '';
  const onSubmit = (e: FormEvent) => { e.preventDefault(); if (draft) save.mutate(draft); };

  return (
    <Dialog title="Digests by e-mail" onClose={onClose} width="max-w-3xl">
      <form onSubmit={onSubmit} className="flex min-h-0 flex-1 flex-col" aria-busy={stored.isFetching || save.isPending}>
        <div className="min-h-0 flex-1 space-y-4 overflow-y-auto p-4">
          <p className="text-sm text-slate-600 dark:text-slate-300">
            A digest mails the metrics that moved most, the alerts raised and resolved, MRR movements, a link to the dashboard
            and the PDF, every day or week at your local time.
          </p>
          {stored.isError ? (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
              <p>{stored.error.message}</p>
              <button type="button" onClick={() => void stored.refetch()} className={`mt-3 ${BUTTON}`}>Try again</button>
            </div>
          ) : draft === null ? (
            <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400">Loading…</p>
          ) : (
            <>
              {draft.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">No digest yet.</p>}
              {draft.map((d, i) => (
                <DigestRow key={d.id ?? `new-${i}`} index={i} digest={d} stored={stored.data?.find((s) => s.id === d.id)} scopes={scopes}
                  onChange={(next) => setDraft(draft.map((x, j) => (j === i ? next : x)))}
                  onRemove={() => setDraft(draft.filter((_, j) => j !== i))} />
              ))}
              <button type="button" className={BUTTON} disabled={draft.length >= MAX_DIGESTS}
                onClick={() => setDraft([...draft, newDigest(scope, lastEmail)])}>
                Add a digest{draft.length >= MAX_DIGESTS ? ` (at most ${MAX_DIGESTS})` : ''}
              </button>
            </>
          )}
        </div>
        <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 p-4 dark:border-slate-700">
          {save.isError && <p role="alert" className={`mr-auto ${ERROR_TEXT}`}>{save.error.message}</p>}
          {save.isSuccess && !save.isPending && <p role="status" className="mr-auto text-sm text-green-700 dark:text-green-300">Saved.</p>}
          <button type="submit" className={BUTTON} disabled={draft === null || save.isPending}>Save</button>
        </div>
      </form>
    </Dialog>
  );
}
