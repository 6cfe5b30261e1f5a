import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem<A extends string> {
  action: A;
  label: string;
  disabled: boolean;
}

/**
 * A small menu at a point, operable by keyboard (arrows, Home/End, Enter/Space, Escape) as the
 * WAI-ARIA menu pattern describes. It renders into <body> so the grid's scrolling box cannot clip it,
 * and closes on Escape, Tab, a click elsewhere, or the window losing focus or resizing.
 */
export function ContextMenu<A extends string>(props: {
  x: number;
  y: number;
  label: string;
  items: readonly MenuItem<A>[];
  onSelect: (action: A) => void;
  onClose: () => void;
}) {
  const { items, onSelect, onClose } = props;
  const menuRef = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: props.x, top: props.y });

  // Keep the menu inside the window: flip it left or up when it would overflow.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setPosition({
      left: props.x + width > window.innerWidth ? Math.max(0, props.x - width) : props.x,
      top: props.y + height > window.innerHeight ? Math.max(0, props.y - height) : props.y,
    });
    // With every item disabled the menu itself takes focus, so Escape still closes it.
    (enabledItems(menu)[0] ?? menu).focus();
  }, [props.x, props.y]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    const close = () => onClose();
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('blur', close);
    window.addEventListener('resize', close);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('blur', close);
      window.removeEventListener('resize', close);
    };
  }, [onClose]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const menu = menuRef.current;
    if (!menu) return;
    const enabled = enabledItems(menu);
    const at = enabled.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => enabled[(index + enabled.length) % enabled.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focus(at + 1);
        break;
      case 'ArrowUp':
        focus(at < 0 ? -1 : at - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(-1);
        break;
      case 'Escape':
      case 'Tab':
        onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  return createPortal(
    <div
      ref={menuRef}
      className="grid-menu"
      role="menu"
      aria-label={props.label}
      data-testid="grid-context-menu"
      tabIndex={-1}
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.action}
          type="button"
          role="menuitem"
          className="grid-menu-item"
          data-testid={`grid-menu-${item.action}`}
          aria-disabled={item.disabled}
          tabIndex={-1}
          onClick={() => {
            if (!item.disabled) onSelect(item.action);
          }}
        >
          {item.label}
        </button>
      ))}
    </div>,
    document.body,
  );
}

function enabledItems(menu: HTMLElement): HTMLElement[] {
  return [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')];
}
