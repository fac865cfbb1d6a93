export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="mx-auto mt-16 max-w-lg rounded-xl border border-red-200 bg-red-50 p-6 text-center dark:border-red-800 dark:bg-red-950">
      <h2 className="text-lg font-semibold text-red-900 dark:text-red-200">The dashboard could not be loaded</h2>
      <p className="mt-2 text-sm text-red-800 dark:text-red-300">{message}</p>
      <button type="button" onClick={onRetry} className="mt-4 rounded-lg bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700">
        Try again
      </button>
    </div>
  );
}
