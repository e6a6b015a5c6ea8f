import * as React from "react";

export interface EarlyRead<T> {
  /** The started read, the first time; afterwards (a reload) the view's own `read`. */
  take: (read: () => Promise<T>) => Promise<T>;
  /** The site was not set up when the read started (the frame showed the setup): drop it. */
  discard: () => void;
}

/**
 * A view's first read, started when the web part mounts, at the same time as the frame reads
 * who is signed in (AppFrame): the two go to SharePoint together instead of one after the other,
 * one round trip less before the first rows. Its failure is the view's to show, when it takes
 * the read; until then it is left unreported (a site that is not set up: the frame discards it).
 */
export function useEarlyRead<T>(read: () => Promise<T>): EarlyRead<T> {
  const [early] = React.useState(() => {
    let pending: Promise<T> | undefined = read();
    pending.catch(() => undefined);
    return {
      take: (current: () => Promise<T>): Promise<T> => {
        const p = pending;
        pending = undefined;
        return p ?? current();
      },
      discard: (): void => {
        pending = undefined;
      },
    };
  });
  return early;
}
