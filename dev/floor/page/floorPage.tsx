import * as React from "react";
import * as ReactDom from "react-dom";
import { DetailsList, DetailsListLayoutMode, SelectionMode, type IColumn } from "@fluentui/react/lib/DetailsList";

/**
 * The bench's floor for a view's first render (never shipped): the same SharePoint requests the
 * product's view made, issued by plain fetch in the same waves (requests the product had in flight
 * together go together), then the hello-world list, one Fluent DetailsList, showing as many rows
 * as the product's view showed. Built with the workbench's bundler and settings.
 */
interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}
interface FloorPlan {
  waves: RecordedRequest[][];
  rows: number;
}

declare const __PD_FLOOR__: FloorPlan;

const columns: IColumn[] = [
  { key: "Id", name: "ID", fieldName: "Id", minWidth: 40, maxWidth: 60 },
  { key: "Title", name: "Title", fieldName: "Title", minWidth: 200, isResizable: true },
];

async function run(): Promise<void> {
  const plan = __PD_FLOOR__;
  let answered = 0;
  for (const wave of plan.waves) {
    const texts = await Promise.all(wave.map((r) => fetch(r.url, { method: r.method, headers: r.headers, body: r.body, credentials: "same-origin" }).then((res) => res.text())));
    answered += texts.length;
  }
  const items = Array.from({ length: plan.rows }, (_, i) => ({ Id: i + 1, Title: `Row ${i + 1}` }));
  ReactDom.render(
    React.createElement(
      "section",
      { "data-floor-answered": String(answered) },
      React.createElement("h2", null, "Items"),
      React.createElement(DetailsList, { items, columns, layoutMode: DetailsListLayoutMode.justified, selectionMode: SelectionMode.none }),
    ),
    document.getElementById("app"),
  );
}

void run();
