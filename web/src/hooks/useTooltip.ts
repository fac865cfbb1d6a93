import { useEffect, useId, useState } from 'react';

/**
 * The WAI-ARIA tooltip pattern's behaviour, shared by the ⓘ definitions and the charts' annotation flags: open while the
 * pointer is over the trigger's wrapper (the tooltip included, so its text can be read at any zoom) or the trigger has
 * keyboard focus; Escape hides it until the next hover or focus. Spread `wrapper` on the element holding both, `trigger`
 * on the button, and give the tooltip `id={tipId}` and `hidden={!open}`.
 */
export function useTooltip() {
  const tipId = useId();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const open = hovered || focused;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setHovered(false);
      setFocused(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return {
    tipId,
    open,
    wrapper: { onMouseEnter: () => setHovered(true), onMouseLeave: () => setHovered(false) },
    trigger: { 'aria-describedby': tipId, onFocus: () => setFocused(true), onBlur: () => setFocused(false) },
  };
}
