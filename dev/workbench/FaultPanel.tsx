import * as React from "react";

type Faults = Record<string, number>;

const switches: Array<[string, string]> = [
  ["sp429", "SharePoint 429（Retry-After）"],
  ["sp503", "SharePoint 503"],
  ["sp412", "保存の競合 412"],
  ["spDropBatch", "$batch の切断"],
  ["graph403", "Graph 403"],
  ["graph429", "Graph 429"],
  ["graph500", "Graph 500"],
  ["graph503", "Graph 503（投稿されない）"],
  ["graph504AfterStore", "Graph 504（投稿された後）"],
  ["graphDropAfterStore", "Graph 応答の消失（投稿された後）"],
];

/** Switches the backend's faults on for the next request(s), to try how the screens fail. */
export function FaultPanel(): JSX.Element {
  const [faults, setFaults] = React.useState<Faults>({});
  const refresh = (): void => {
    fetch("/_dev/faults").then((r) => r.json() as Promise<Faults>).then(setFaults, () => undefined);
  };
  React.useEffect(refresh, []);
  const arm = (name: string): void => {
    fetch("/_dev/faults", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ [name]: (faults[name] ?? 0) + 1 }) })
      .then((r) => r.json() as Promise<Faults>)
      .then(setFaults, () => undefined);
  };
  return (
    <section aria-label="障害の注入" style={{ background: "#fff", borderRadius: 4, padding: 12 }}>
      <h2 style={{ fontSize: 15, margin: "0 0 8px" }}>障害の注入（次のリクエスト）</h2>
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {switches.map(([k, label]) => (
          <li key={k} style={{ display: "flex", justifyContent: "space-between", padding: "2px 0" }}>
            <span>
              {label}: {faults[k] ?? 0}
            </span>
            <button type="button" onClick={() => arm(k)}>
              +1
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
