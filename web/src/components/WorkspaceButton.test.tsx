import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { WorkspaceButton } from './WorkspaceButton';

describe('WorkspaceButton', () => {
  it('is a button named after the workspace that switches the scope to it', () => {
    const onScopeChange = vi.fn();
    render(<WorkspaceButton id="ws_7" onScopeChange={onScopeChange} />);
    const button = screen.getByRole('button', { name: 'Show workspace ws_7' });
    expect(button.textContent).toBe('ws_7');
    fireEvent.click(button);
    expect(onScopeChange).toHaveBeenCalledWith('ws_7');
  });
  it('is plain text when the person may not open it', () => {
    const { container } = render(<WorkspaceButton id="ws_7" />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(container.textContent).toBe('ws_7');
  });
});
