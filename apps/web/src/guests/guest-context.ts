import { createContext, useContext } from 'react';

/** Set around the editor when a guest (decision 0015) has it open: the toolbar then offers nothing beyond the map. */
export interface GuestMode {
  readonly name: string;
  readonly expiresAt: string;
}

export const GuestContext = createContext<GuestMode | null>(null);

/** The guest's details when the editor is open for a guest, otherwise null (a member). */
export const useGuestMode = (): GuestMode | null => useContext(GuestContext);
