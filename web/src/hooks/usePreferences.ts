import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { fetchPreferences, preferencesKey, savePreferences } from '../lib/api';
import { defaultSetting, type ReaderSetting } from '../lib/readerZone';

export type PreferencesStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface Preferences {
  /** The saved setting, else the browser's zone and Monday. */
  setting: ReaderSetting;
  /** False until the saved setting is known (or known to be missing): the overview waits, so it is read once. */
  ready: boolean;
  status: PreferencesStatus;
  save: (setting: ReaderSetting) => Promise<void>;
}

/** The person's time zone and week start, kept by the users service like the card layout. A change shows at once and
 * is saved; a failed save keeps the change on screen and says so. */
export function usePreferences(token: string, subject: string): Preferences {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: preferencesKey(subject),
    queryFn: ({ signal }) => fetchPreferences(token, signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const [status, setStatus] = useState<PreferencesStatus>('idle');
  const save = useCallback(async (setting: ReaderSetting) => {
    client.setQueryData(preferencesKey(subject), setting);
    setStatus('saving');
    try {
      await savePreferences(token, setting);
      setStatus('saved');
    } catch {
      setStatus('error');
    }
  }, [client, subject, token]);
  return { setting: query.data ?? defaultSetting(), ready: !query.isPending, status, save };
}
