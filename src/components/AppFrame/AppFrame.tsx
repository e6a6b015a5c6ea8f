import * as React from "react";
import { Spinner, SpinnerSize, Stack, Text } from "@fluentui/react";
import * as common from "CommonStrings";
import type { CurrentUser } from "../../data/contracts";
import { fmt } from "../format";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useLoad } from "../hooks/useLoad";
import type { IAppServices } from "../IAppServices";
import { frameStyles as styles } from "./AppFrame.styles";

export interface IAppFrameProps {
  services: IAppServices;
  title: string;
  children: (user: CurrentUser) => React.ReactNode;
}

/** The frame every web part shares: title, who is signed in and in what role, and errors. */
export function AppFrame({ services, title, children }: IAppFrameProps): JSX.Element {
  const user = useLoad(() => services.data.currentUser(), [services]);
  return (
    <section className={styles.frame} lang="ja">
      <Stack horizontal horizontalAlign="space-between" verticalAlign="center" wrap className={styles.header}>
        <Text as="h2" variant="xLarge" className={styles.title}>
          {title}
        </Text>
        {user.data && (
          <Text variant="small" className={styles.user}>
            {fmt(common.SignedInAs, user.data.title, common.Role[user.data.role])}
          </Text>
        )}
      </Stack>
      <ErrorBar error={user.error} onReload={user.reload} />
      {user.loading && !user.data && <Spinner size={SpinnerSize.large} label={common.Loading} />}
      {user.data && children(user.data)}
    </section>
  );
}
