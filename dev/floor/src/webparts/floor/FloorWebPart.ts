import * as React from "react";
import * as ReactDom from "react-dom";
import { BaseClientSideWebPart } from "@microsoft/sp-webpart-base";
import { spfi, SPFx } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/items";
import { DetailsList, DetailsListLayoutMode, SelectionMode, type IColumn } from "@fluentui/react/lib/DetailsList";
import * as strings from "FloorWebPartStrings";

/**
 * The floor (issue: first load close to the floor). A hello-world web part as the generator
 * would make it, plus the least a list screen needs: one Fluent DetailsList showing one list's
 * items read through PnPjs. Never shipped; the bench and the bundle-size test build it with the
 * product's toolchain in the same run and divide the product's figures by its.
 */
export interface IFloorWebPartProps {
  listUrl: string;
}

interface Row {
  Id: number;
  Title: string;
}

const columns: IColumn[] = [
  { key: "Id", name: "ID", fieldName: "Id", minWidth: 40, maxWidth: 60 },
  { key: "Title", name: "Title", fieldName: "Title", minWidth: 200, isResizable: true },
];

function FloorList(props: { rows: Row[] | null }): React.ReactElement {
  return React.createElement("section", null,
    React.createElement("h2", null, strings.Title),
    props.rows === null ? null : React.createElement(DetailsList, {
      items: props.rows, columns, layoutMode: DetailsListLayoutMode.justified, selectionMode: SelectionMode.none,
    }));
}

export default class FloorWebPart extends BaseClientSideWebPart<IFloorWebPartProps> {
  private rows: Row[] | null = null;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const sp = spfi(this.context.pageContext.web.absoluteUrl).using(SPFx(this.context));
    const list = this.properties.listUrl ? sp.web.getList(this.properties.listUrl) : sp.web.lists.getByTitle("Items");
    this.rows = await list.items.select("Id", "Title").top(5000)<Row[]>();
  }

  public render(): void {
    ReactDom.render(React.createElement(FloorList, { rows: this.rows }), this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }
}
