import * as React from "react";
import { Spinner } from "@fluentui/react";
import { Button, Notice } from "./light";
import * as common from "CommonStrings";

/**
 * Parts of a screen that the first view does not need (other tabs, panels, dialogs) come in
 * chunks of their own, fetched when first shown (sp-dev-docs spfx/dynamic-loading.md). A
 * component's module is named by its export, e.g.
 *   const ReviewCalendar = lazyNamed(() => import(/* webpackChunkName: "pd-calendar" *\/ "./ReviewCalendar").then((m) => m.ReviewCalendar));
 * A failed fetch (the network dropped) is retried the next time the part is shown, not cached.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<T extends React.ComponentType<any>>(load: () => Promise<T>): React.ComponentType<React.ComponentProps<T>> {
  let lazy = makeLazy(load);
  const Part = (props: React.ComponentProps<T>): JSX.Element => {
    const [, retry] = React.useState(0);
    return (
      <PartBoundary onRetry={() => { lazy = makeLazy(load); retry((n) => n + 1); }}>
        <React.Suspense fallback={<Spinner label={common.Loading} />}>{React.createElement(lazy, props)}</React.Suspense>
      </PartBoundary>
    );
  };
  return Part;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function makeLazy<T extends React.ComponentType<any>>(load: () => Promise<T>): React.LazyExoticComponent<T> {
  return React.lazy(() => load().then((c) => ({ default: c })));
}

interface IPartBoundaryProps {
  onRetry: () => void;
  children?: React.ReactNode;
}

/** A part that could not be fetched says so in place, with a retry; the rest of the screen stays. */
class PartBoundary extends React.Component<IPartBoundaryProps, { failed: boolean }> {
  public state = { failed: false };

  public static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  public render(): React.ReactNode {
    if (!this.state.failed) return this.props.children;
    return <PartNotLoaded onRetry={() => { this.setState({ failed: false }); this.props.onRetry(); }} />;
  }
}

/** A part whose code could not be fetched (the network dropped), with a retry. */
export function PartNotLoaded({ onRetry }: { onRetry: () => void }): JSX.Element {
  return (
    <Notice kind="error" role="alert" actions={<Button small onClick={onRetry}>{common.Reload}</Button>}>
      {common.PartNotLoaded}
    </Notice>
  );
}

/**
 * A part that needs code fetched alongside the first view's data (the services a panel or tab
 * writes with): a spinner until it has come, a retry if it could not be fetched.
 */
export function whenLoaded<T>(state: { data: T | undefined; error: unknown; reload: () => void }, part: (value: T) => JSX.Element): JSX.Element {
  if (state.data !== undefined) return part(state.data);
  return state.error ? <PartNotLoaded onRetry={state.reload} /> : <Spinner label={common.Loading} />;
}
