import * as React from "react";
import { CommandBar, IColumn, Label, Link, MessageBar, MessageBarType, SearchBox, SelectionMode, Stack } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import type { AgreementService } from "../../../data/services/AgreementService";
import type { Partner } from "../../../domain/types";
import { byReading } from "../../../domain/partners";
import { matchesSearch, normalizeForSearch } from "../../../domain/text";
import { moreActions } from "../../../components/moreActions";
import { ListCount, SortValue, useColumnSort } from "../../../components/ListTools";
import { BreakableText } from "../../../components/BreakableText";
import { PartnerPanel, partnerKinds } from "./PartnerPanel";
import { ResponsiveDetailsList } from "../../../components/ResponsiveDetailsList";

/** What a partner shows in a clicked column: the name by its reading (フリガナ), the kind in the form's order. */
function columnValue(p: Partner, key: string): SortValue {
  if (key === "name") return normalizeForSearch(p.kana || p.name);
  if (key === "kind") return partnerKinds.indexOf(p.kind);
  if (key === "contact") return p.contactName;
  if (key === "mail") return p.contactEmail;
  return p.contactPhone;
}

/** Partners (企業等): the list (searched by name and フリガナ, sortable headers, a count), and a form to add or edit one. Coordinators only may edit. */
export function PartnersView({ partners, canEdit, service, onChanged }: { partners: Partner[]; canEdit: boolean; service: AgreementService; onChanged: () => void }): JSX.Element {
  const [editing, setEditing] = React.useState<Partner | "new" | null>(null);
  const [saved, setSaved] = React.useState(false);
  const [search, setSearch] = React.useState("");
  const byColumn = useColumnSort();
  const columns: IColumn[] = byColumn.sortable([
    { key: "name", name: strings.Partners.fields.name, minWidth: 200, isMultiline: true, onRender: (p: Partner) => (canEdit ? <Link onClick={() => setEditing(p)}>{p.name}</Link> : p.name) },
    { key: "kind", name: strings.Partners.fields.kind, minWidth: 90, maxWidth: 120, onRender: (p: Partner) => strings.Partners.kinds[p.kind] },
    { key: "contact", name: strings.Partners.fields.contactName, minWidth: 110, maxWidth: 160, isMultiline: true, onRender: (p: Partner) => p.contactName },
    { key: "mail", name: strings.Partners.fields.contactEmail, minWidth: 180, maxWidth: 260, isMultiline: true, onRender: (p: Partner) => <BreakableText text={p.contactEmail} /> },
    { key: "phone", name: strings.Partners.fields.contactPhone, minWidth: 110, maxWidth: 140, onRender: (p: Partner) => p.contactPhone },
  ]);
  // By reading until a header is clicked; フリガナ too: 「むさしの」 finds 武蔵野ガス.
  const shown = byColumn.sorted(
    partners.filter((p) => matchesSearch([p.name, p.kana], search)).sort(byReading),
    columnValue,
  );
  return (
    <>
      {canEdit && <CommandBar overflowButtonProps={moreActions} items={[{ key: "add", text: strings.Partners.add, iconProps: { iconName: "Add" }, onClick: () => setEditing("new") }]} />}
      {saved && <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setSaved(false)}>{strings.Partners.saved}</MessageBar>}
      <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
        <Stack>
          <Label htmlFor="pd-partners-search">{common.Search}</Label>
          <SearchBox id="pd-partners-search" placeholder={strings.Partners.searchPlaceholder} value={search} onChange={(_, v) => setSearch(v ?? "")} styles={{ root: { minWidth: 280 } }} />
        </Stack>
      </Stack>
      <ListCount shown={shown.length} total={partners.length} />
      <ResponsiveDetailsList items={shown} columns={columns} selectionMode={SelectionMode.none} getKey={(p: Partner) => String(p.id)} ariaLabelForGrid={strings.Partners.heading} />
      {shown.length === 0 && <p>{common.NoItems}</p>}
      {editing && (
        <PartnerPanel
          partner={editing === "new" ? undefined : editing}
          service={service}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setSaved(true);
            onChanged();
          }}
        />
      )}
    </>
  );
}
