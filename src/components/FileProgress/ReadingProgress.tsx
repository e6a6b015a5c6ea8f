import * as React from "react";
import { DefaultButton, ProgressIndicator, Stack } from "@fluentui/react";
import * as common from "CommonStrings";
import { fmt } from "../format";
import type { ReadProgress } from "../../export/excel";

/** While an imported file is read (off the page's thread): the stage, rows read so far, and a way to stop. */
export function ReadingProgress({ progress, onCancel }: { progress: ReadProgress | null; onCancel: () => void }): JSX.Element | null {
  if (!progress) return null;
  const label = progress.stage === "reading" ? fmt(common.Reading.reading, (progress.rows ?? 0).toLocaleString("ja-JP")) : common.Reading[progress.stage];
  return (
    <Stack horizontal verticalAlign="center" wrap tokens={{ childrenGap: 12 }} data-testid="reading-progress" styles={{ root: { margin: "8px 0" } }}>
      <Stack.Item grow styles={{ root: { minWidth: 200 } }}>
        <ProgressIndicator label={label} ariaValueText={label} />
      </Stack.Item>
      <DefaultButton text={common.Reading.cancel} onClick={onCancel} />
    </Stack>
  );
}
