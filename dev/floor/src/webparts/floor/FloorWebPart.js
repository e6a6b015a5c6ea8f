import * as React from "react";
import * as ReactDom from "react-dom";
import { BaseClientSideWebPart } from "@microsoft/sp-webpart-base";
import { spfi, SPFx } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/items";
import { DetailsList, DetailsListLayoutMode, SelectionMode } from "@fluentui/react/lib/DetailsList";
import * as strings from "FloorWebPartStrings";
const columns = [
    { key: "Id", name: "ID", fieldName: "Id", minWidth: 40, maxWidth: 60 },
    { key: "Title", name: "Title", fieldName: "Title", minWidth: 200, isResizable: true },
];
function FloorList(props) {
    return React.createElement("section", null, React.createElement("h2", null, strings.Title), props.rows === null ? null : React.createElement(DetailsList, {
        items: props.rows, columns, layoutMode: DetailsListLayoutMode.justified, selectionMode: SelectionMode.none,
    }));
}
export default class FloorWebPart extends BaseClientSideWebPart {
    constructor() {
        super(...arguments);
        this.rows = null;
    }
    async onInit() {
        await super.onInit();
        const sp = spfi(this.context.pageContext.web.absoluteUrl).using(SPFx(this.context));
        const list = this.properties.listUrl ? sp.web.getList(this.properties.listUrl) : sp.web.lists.getByTitle("Items");
        this.rows = await list.items.select("Id", "Title").top(5000)();
    }
    render() {
        ReactDom.render(React.createElement(FloorList, { rows: this.rows }), this.domElement);
    }
    onDispose() {
        ReactDom.unmountComponentAtNode(this.domElement);
    }
}
//# sourceMappingURL=FloorWebPart.js.map