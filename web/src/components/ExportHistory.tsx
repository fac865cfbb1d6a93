import { keepPreviousData, useInfiniteQuery, useMutation, type UseMutationResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNow } from '../hooks/useNow';
import {
  auditKey, fetchAuditPage, formatBytes, formatDurationMs, OUTCOMES, verifyAudit, type AuditFilter, type AuditRecord, type AuditVerification,
} from '../lib/exportAudit';
import { Dialog } from './Dialog';
import { RelativeTime } from './RelativeTime';
import { BUTTON } from './styles';

/** Typing a subject asks the server once the typing pauses, not at every key. */
export const SUBJECT_DEBOUNCE_MS = 400;

const OUTCOME_CLASS: Record<string, string> = {
  ok: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
  denied: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-200',
  invalid: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-200',
  throttled: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-200',
  failed: 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200',
};

const FIELD = 'rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
// Below sm each row is a card of labelled lines (the label comes from data-label); from sm on, a table.
const CELL = 'flex justify-between gap-3 py-0.5 text-right before:font-medium before:text-slate-500 before:content-[attr(data-label)] sm:table-cell sm:px-3 sm:py-2 sm:text-left sm:before:content-none dark:before:text-slate-400';
const HEAD = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400';

export interface ExportHistoryProps {
  token: string;
  canVerify: boolean;
  onClose: () => void;
}

/** The exports audit in a modal dialog: newest first, filtered by outcome and subject, a page at a time. */
export default function ExportHistory({ token, canVerify, onClose }: ExportHistoryProps) {
  const now = useNow();
  const [outcome, setOutcome] = useState('');
  const [subjectInput, setSubjectInput] = useState('');
  const [subject, setSubject] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setSubject(subjectInput.trim()), SUBJECT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [subjectInput]);

  const filter: AuditFilter = { outcome, subject };
  const query = useInfiniteQuery({
    queryKey: auditKey(filter),
    queryFn: ({ pageParam, signal }) => fetchAuditPage(token, filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    staleTime: 0,
    // The rows of the previous filter stay until the new ones come, rather than a flash of "Loading…".
    placeholderData: keepPreviousData,
    // The person is looking at the dialog: an error with "Try again" beats seconds of silent retries.
    retry: false,
  });
  const verify = useMutation({ mutationFn: () => verifyAudit(token) });

  const records = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = outcome !== '' || subject !== '';

  return (
    <Dialog title="Export history" onClose={onClose}>
      <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300">
          Outcome
          <select value={outcome} onChange={(e) => setOutcome(e.target.value)} className={FIELD}>
            <option value="">All outcomes</option>
            {OUTCOMES.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300 sm:max-w-xs">
          Subject
          <input type="search" value={subjectInput} onChange={(e) => setSubjectInput(e.target.value)} placeholder="e.g. dev:dana" className={FIELD} />
        </label>
        {canVerify && (
          <div className="flex flex-wrap items-center gap-3 sm:ml-auto">
            <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending} className={BUTTON}>
              {verify.isPending ? 'Verifying…' : 'Verify chain'}
            </button>
            <VerifyResult state={verify} />
          </div>
        )}
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto" aria-busy={query.isFetching}>
        {query.isError && records.length === 0 ? (
          <div role="alert" className="m-4 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            <p>{query.error.message}</p>
            <button type="button" onClick={() => void query.refetch()} className={`mt-3 ${BUTTON}`}>Try again</button>
          </div>
        ) : query.isPending ? (
          <p className="px-4 py-8 text-center text-sm text-slate-500 dark:text-slate-400">Loading…</p>
        ) : records.length === 0 ? (
          <p className="px-4 py-8 text-center text-sm text-slate-500 dark:text-slate-400">
            {filtered ? 'No exports match these filters.' : 'No exports yet.'}
          </p>
        ) : (
          <table className="block w-full text-sm sm:table">
            <thead className="hidden border-b border-slate-200 sm:table-header-group dark:border-slate-700">
              <tr>
                {['When', 'Who', 'Scope', 'Timeframe', 'Format', 'Outcome', 'Size', 'Duration'].map((h) => <th key={h} scope="col" className={HEAD}>{h}</th>)}
              </tr>
            </thead>
            <tbody className="block divide-y divide-slate-200 sm:table-row-group dark:divide-slate-700">
              {records.map((r) => <Row key={r.id} record={r} now={now} />)}
            </tbody>
          </table>
        )}
      </div>

      {(query.hasNextPage || (query.isError && records.length > 0)) && (
        <div className="flex flex-wrap items-center justify-center gap-3 border-t border-slate-200 px-4 py-3 dark:border-slate-700">
          {query.isError && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{query.error.message}</p>}
          {query.hasNextPage && (
            <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className={BUTTON}>
              {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </div>
      )}
    </Dialog>
  );
}

function Row({ record: r, now }: { record: AuditRecord; now: Date }) {
  return (
    <tr className="block px-4 py-3 sm:table-row sm:p-0">
      <td data-label="When" className={CELL}>
        <RelativeTime iso={r.at} now={now} />
      </td>
      <td data-label="Who" className={CELL}>
        <span className="min-w-0">
          <span className="block font-medium">{r.name ?? (r.subject ? r.subject : 'No token')}</span>
          {r.subject && r.name && <span className="block break-all text-xs text-slate-500 dark:text-slate-400">{r.subject}</span>}
        </span>
      </td>
      <td data-label="Scope" className={CELL}>{r.scope === 'all' ? 'All workspaces' : r.scope ?? '—'}</td>
      <td data-label="Timeframe" className={CELL}>{r.timeframe ?? '—'}</td>
      <td data-label="Format" className={CELL}>{r.format ? r.format.toUpperCase() : '—'}</td>
      <td data-label="Outcome" className={CELL}>
        <span title={`HTTP ${r.status}`} className={`rounded-full px-2 py-0.5 text-xs font-medium ${OUTCOME_CLASS[r.outcome] ?? OUTCOME_CLASS.throttled}`}>{r.outcome}</span>
      </td>
      <td data-label="Size" className={`${CELL} tabular-nums`}>{formatBytes(r.bytes)}</td>
      <td data-label="Duration" className={`${CELL} tabular-nums`}>{formatDurationMs(r.durationMs)}</td>
    </tr>
  );
}

function VerifyResult({ state }: { state: UseMutationResult<AuditVerification, Error, void> }) {
  if (state.isError) return <p role="alert" className="text-sm text-red-700 dark:text-red-300">{state.error.message}</p>;
  if (!state.data) return null;
  const v = state.data;
  return v.valid ? (
    <p role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-300"><span aria-hidden="true">✓</span> Chain intact: {v.records} records</p>
  ) : (
    <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
      <span aria-hidden="true">✕</span> {v.firstInvalidId ? `Record ${v.firstInvalidId} was altered` : 'The chain is broken'}
    </p>
  );
}
