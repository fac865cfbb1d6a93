export interface WorkspaceButtonProps {
  id: string;
  /** Absent when the person may not open that workspace: the id is then plain text. */
  onScopeChange?: (workspaceId: string) => void;
}

/** A workspace id in a table: a button that switches the page to that workspace. */
export function WorkspaceButton({ id, onScopeChange }: WorkspaceButtonProps) {
  if (!onScopeChange) return <>{id}</>;
  return (
    <button
      type="button"
      aria-label={`Show workspace ${id}`}
      onClick={() => onScopeChange(id)}
      className="rounded font-mono text-sm text-blue-700 underline decoration-dotted underline-offset-2 hover:decoration-solid focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-300"
    >
      {id}
    </button>
  );
}
