import { useId, useState } from 'react';

/**
 * An info icon with a tooltip. The button is focusable and `aria-describedby` points at the tooltip text, which is
 * always in the DOM (screen readers read it); it is shown on hover, focus or click, and hidden with Escape.
 */
export function InfoTip({ text, label = 'More information' }: { text: string; label?: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className={`infotip${open ? ' is-open' : ''}`} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="infotip-button"
        aria-label={label}
        aria-describedby={id}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}
      >
        <span aria-hidden="true">i</span>
      </button>
      <span role="tooltip" id={id} className="infotip-text">{text}</span>
    </span>
  );
}
