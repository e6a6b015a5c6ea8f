import * as React from "react";
import { Button, Flex } from "../../../components/light";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import * as strings from "DepartmentPortalWebPartStrings";
import { fmt } from "../../../components/format";
import { BriefingLine } from "./BriefingLine";
import { DateText } from "../../../components/DateText";
import type { TodoItem } from "../../../domain/departmentTodo";

const stateColor: Record<TodoItem["state"], string> = { late: "#a4262c", todo: "#8a3707", info: "#005a9e", done: "#107c10" };

/**
 * Moves focus to where an item led, so a keyboard or screen reader user is there too (else
 * focus stays on the button and the next Tab goes to the next item). An empty marker
 * element stands for the section that follows it. The page scrolls itself, so focusing
 * does not scroll.
 */
function focusTarget(id: string): void {
  const marker = document.getElementById(id);
  if (!marker) return;
  const el = !marker.hasChildNodes() && marker.nextElementSibling instanceof HTMLElement ? marker.nextElementSibling : marker;
  if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus({ preventScroll: true });
}

const stateId = (t: TodoItem): string => `pd-todo-${t.key.replace(/[^A-Za-z0-9_-]/g, "-")}-state`;

/**
 * 部署への依頼: what is asked of this department now, first on its portal — each item with its
 * deadline, the coordinator's message and one button to its form. Stacks at narrow widths.
 * `onOpen` returns the id of the part of the page the item leads to (focus moves there),
 * or nothing when it opened a dialog (which takes focus itself).
 */
export function TodoList({ items, onOpen }: { items: TodoItem[]; onOpen: (t: TodoItem) => string | void }): JSX.Element {
  const T = strings.Todo;
  return (
    <section aria-label={T.heading} data-testid="todo-list" style={{ marginBottom: 16 }}>
      <h3 className={frameStyles.largeHeading} style={{ margin: "12px 0 8px" }}>{T.heading}</h3>
      {items.length === 0 && <p>{T.nothing}</p>}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((t) => (
          <li key={t.key} style={{ border: "1px solid #e1dfdd", borderLeft: `4px solid ${stateColor[t.state]}`, borderRadius: 4, padding: "8px 12px", marginBottom: 8, background: "#fff" }}>
            <Flex horizontal wrap align="center" gap={8} justify="space-between">
              <Flex grow style={{ minWidth: 220, flexBasis: 260 }}>
                <div style={{ fontSize: 12, color: "#605e5c" }}>{T.kinds[t.kind]}</div>
                <div style={{ fontWeight: 600, overflowWrap: "anywhere" }}>{t.title}</div>
                <div id={stateId(t)} style={{ fontSize: 13 }}>
                  <span style={{ color: stateColor[t.state], fontWeight: 600 }}>{T.states[t.kind === "survey" && t.state === "done" ? "answered" : t.nothingToReport && t.state === "done" ? "nothingToReport" : t.noProposal && t.state === "done" ? "noProposal" : t.state]}</span>
                  {t.deadline && (
                    <>
                      {" ・ "}
                      {T.deadline} <DateText date={t.deadline} />
                    </>
                  )}
                  {t.count > 0 && t.state !== "done" && <> ・ {fmt(T.counts[t.kind], t.count)}</>}
                </div>
                {t.briefing && (
                  <div style={{ fontSize: 13, marginTop: 4, overflowWrap: "anywhere" }}>
                    <BriefingLine {...t.briefing} />
                  </div>
                )}
                {t.message && <div style={{ fontSize: 13, whiteSpace: "pre-wrap", marginTop: 4, color: "#323130", overflowWrap: "anywhere" }}>{t.message}</div>}
              </Flex>
              <Button
                onClick={() => {
                  const target = onOpen(t);
                  if (target) focusTarget(target);
                }}
                ariaLabel={`${t.state === "done" ? T.view : T.open[t.kind]}: ${t.title}`}
                // The state, deadline and count are heard with the button (Tab goes from button to button).
                describedBy={stateId(t)}
              >
                {t.state === "done" ? T.view : T.open[t.kind]}
              </Button>
            </Flex>
          </li>
        ))}
      </ul>
    </section>
  );
}
