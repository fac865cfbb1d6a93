import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EmptyRow } from './EmptyRow';

describe('EmptyRow', () => {
  it('says why there is nothing, across every column', () => {
    render(<table><tbody><EmptyRow cols={5} text="No runs in this period." /></tbody></table>);
    expect(screen.getByRole('cell').textContent).toBe('No runs in this period.');
    expect(screen.getByRole('cell').getAttribute('colspan')).toBe('5');
  });
});
