import * as React from "react";
import { Dropdown } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import type { Partner } from "../../../domain/types";

/**
 * The other partners of an agreement signed with several (連名: 「A大学、B大学及びC大学」), chosen
 * among the registered partners; the partner chosen first is not offered again. Each stays a
 * partner of its own, with its proposals, results and contact.
 */
export function CoPartnersChoice({ partners, partnerId, selectedIds, onChange, disabled }: { partners: Partner[]; partnerId: number | null; selectedIds: number[]; onChange: (ids: number[]) => void; disabled?: boolean }): JSX.Element {
  const options = partners.filter((p) => p.id !== partnerId).map((p) => ({ key: p.id, text: p.name }));
  return (
    <Dropdown
      label={strings.CoPartners.label}
      placeholder={strings.CoPartners.none}
      multiSelect
      disabled={disabled}
      options={options}
      selectedKeys={selectedIds.filter((id) => id !== partnerId)}
      onChange={(_, o) => {
        if (!o) return;
        const id = Number(o.key);
        onChange(o.selected ? [...selectedIds.filter((x) => x !== id), id] : selectedIds.filter((x) => x !== id));
      }}
      onRenderTitle={(selected) => <span style={{ whiteSpace: "normal" }}>{(selected ?? []).map((o) => o.text).join("、")}</span>}
      styles={{ title: { height: "auto", minHeight: 32, lineHeight: 20, padding: "5px 28px 5px 8px" } }}
    />
  );
}
