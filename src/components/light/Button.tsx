import * as React from "react";
import { css, FontIcon } from "@fluentui/react";
import { lightStyles as s } from "./styles";

export interface IButtonProps {
  children?: React.ReactNode;
  /** The primary action of its form or dialog (filled). */
  primary?: boolean;
  /** A notice's action: smaller, as MessageBarButton. */
  small?: boolean;
  iconName?: string;
  disabled?: boolean;
  ariaLabel?: string;
  title?: string;
  /** Further text heard with the button (aria-describedby). */
  describedBy?: string;
  className?: string;
  /** A disclosure button: whether what it shows is open (aria-expanded), and its id (aria-controls). */
  expanded?: boolean;
  controls?: string;
  onClick?: (e: React.MouseEvent<HTMLButtonElement>) => void;
}

/** A plain button with Fluent's look (PrimaryButton / DefaultButton), for first views. */
export const Button = React.forwardRef<HTMLButtonElement, IButtonProps>(function Button({ children, primary, small, iconName, disabled, ariaLabel, title, describedBy, className, expanded, controls, onClick }, ref) {
  return (
    <button ref={ref} type="button" className={css(s.button, primary && s.primary, small && s.small, className)} disabled={disabled} aria-label={ariaLabel} aria-describedby={describedBy} aria-expanded={expanded} aria-controls={controls} title={title} onClick={onClick}>
      {iconName && <FontIcon iconName={iconName} aria-hidden />}
      <span className="pd-Button-label">{children}</span>
    </button>
  );
});
