import type { ReactNode } from 'react';
import { ErrorBoundary, getErrorMessage } from 'react-error-boundary';

interface Props {
  /** The aria-label of the section it guards: the fallback is a section of the same name, in the same place. */
  label: string;
  /** The boundary starts again when one of these changes (the scope, the timeframe, the answer shown). */
  resetKeys: unknown[];
  /**
   * Called by Retry to ask the server again, since the numbers may be what failed: the section is drawn anew once
   * the promise settles, with the new numbers.
   */
  onRetry: () => Promise<unknown> | void;
  children: ReactNode;
}

/**
 * Keeps a section's render error to that section: it shows what failed and a Retry, and the rest of the page lives.
 * It logs the error once; main.tsx keeps React from logging it a second time.
 */
export function SectionBoundary({ label, resetKeys, onRetry, children }: Props) {
  return (
    <ErrorBoundary
      resetKeys={resetKeys}
      onError={(error, info) => console.error(`The section "${label}" could not be shown:`, error, info.componentStack)}
      fallbackRender={({ error, resetErrorBoundary }) => (
        <section aria-label={label} className="rounded-xl border border-red-200 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950">
          <h2 className="text-base font-semibold text-red-900 dark:text-red-200">{label}</h2>
          <div role="alert" className="mt-1">
            <p className="text-sm text-red-900 dark:text-red-200">This section could not be shown.</p>
            <p className="mt-1 break-words text-xs text-red-800 dark:text-red-300">{getErrorMessage(error) ?? String(error)}</p>
          </div>
          <button
            type="button"
            onClick={() => void Promise.resolve(onRetry()).then(() => resetErrorBoundary(), () => resetErrorBoundary())}
            className="mt-3 rounded-lg bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
          >
            Retry
          </button>
        </section>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
