import type { IButtonProps } from "@fluentui/react";
import * as common from "CommonStrings";

/** A command bar's overflow button (「…」 where its commands do not fit, e.g. at 390 px in Teams) has a name. */
export const moreActions: IButtonProps = { ariaLabel: common.MoreActions, title: common.MoreActions };
