import * as React from "react";
import { Link } from "@fluentui/react";
import * as strings from "DepartmentPortalWebPartStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import { lazyNamed } from "../../../components/Deferred";
import { Button } from "../../../components/light";
import type { ImplementationWish, Matching } from "../../../domain/types";

/** The dialog comes in a chunk of its own, when a clerk first asks for it. */
const WishDialog = lazyNamed(() => import(/* webpackChunkName: "pd-portal-wish" */ "./WishDialog").then((m) => m.WishDialog));

/** 実施希望 for one feedback row: register with a contact person, or withdraw. */
export function WishCell({ row, wish, canWish, onWish, onWithdraw }: { row: Matching; wish: ImplementationWish | undefined; canWish: boolean; onWish: (person: string, comment: string) => Promise<void>; onWithdraw: (w: ImplementationWish) => Promise<void> }): JSX.Element | null {
  const [open, setOpen] = React.useState(false);
  const action = useAction();
  if (wish)
    return (
      <span>
        <span style={{ color: "#107c10", fontWeight: 600 }}>{fmt(strings.Wish.by, wish.contactPerson)}</span>{" "}
        {canWish && <Link onClick={() => void action.run(() => onWithdraw(wish))}>{strings.Wish.withdraw}</Link>}
        <ErrorBar error={action.error} />
      </span>
    );
  if (!canWish) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} ariaLabel={`${strings.Wish.wish}: ${row.title}`}>
        {strings.Wish.wish}
      </Button>
      {open && <WishDialog row={row} wish={wish} onWish={onWish} onClose={() => setOpen(false)} />}
    </>
  );
}
