import * as React from "react";
import { frameStyles as styles } from "./AppFrame/AppFrame.styles";

export interface ITile {
  label: string;
  value: number | string;
}

/** A row of labelled figures; a list of terms so screen readers read label and value together. */
export function SummaryTiles({ tiles, label }: { tiles: ITile[]; label: string }): JSX.Element {
  return (
    <dl className={styles.summary} aria-label={label}>
      {tiles.map((t) => (
        <div key={t.label} className={styles.tile}>
          <dt>{t.label}</dt>
          <dd className={styles.tileValue} style={{ margin: 0 }}>
            {t.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
