import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignIn } from './SignIn';

afterEach(() => vi.unstubAllGlobals());

const config = (body: object) => vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })));

describe('SignIn', () => {
  it('offers the OIDC provider the gateway names', async () => {
    config({ mode: 'oidc', authority: 'https://id.example.com/realms/acme', clientId: 'dash', scope: 'openid' });
    render(<SignIn onSignedIn={() => {}} />);
    expect(await screen.findByText('With your account at id.example.com.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByLabelText('Role')).toBeNull();
  });

  it('shows the development form only in development', async () => {
    config({ mode: 'development' });
    render(<SignIn onSignedIn={() => {}} />);
    expect(await screen.findByLabelText('Role')).toBeTruthy();
  });

  it('says so when nobody can sign in', async () => {
    config({ mode: 'none' });
    render(<SignIn onSignedIn={() => {}} />);
    expect(await screen.findByText(/Sign-in is not configured/)).toBeTruthy();
  });
});
