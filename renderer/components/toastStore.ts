import { create } from 'zustand';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'warning' | 'error';
  message: string;
  /** A button on the toast, e.g. "Open batch". */
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

let nextId = 1;

/** In-app notices, shown by <Toasts/> in the corner; anything in the renderer may raise one. */
export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  show(toast) {
    const id = nextId++;
    set((state) => ({ toasts: [...state.toasts.slice(-4), { ...toast, id }] }));
    return id;
  },
  dismiss(id) {
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
  },
}));

export const showToast = (toast: Omit<Toast, 'id'>): number => useToastStore.getState().show(toast);
