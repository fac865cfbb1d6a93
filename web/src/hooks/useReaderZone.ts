import { createContext, useContext } from 'react';

/** The zone the page shows times in (the person's setting); undefined: the browser's own. Provided once by the
 * dashboard, read by whatever formats a time (charts, the period, alerts, activity). */
export const ReaderZoneContext = createContext<string | undefined>(undefined);

export const useReaderZone = () => useContext(ReaderZoneContext);
