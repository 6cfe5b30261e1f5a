import { useEffect } from 'react';
import { useT } from '../i18n/useT.ts';
import { useToastStore, type Toast } from './toastStore.ts';

/** The corner where toasts appear; each leaves by itself after a while, errors stay until dismissed. */
export function Toasts() {
  const toasts = useToastStore((state) => state.toasts);
  return (
    <div className="toasts" role="region" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const t = useT();
  const dismiss = useToastStore((state) => state.dismiss);
  useEffect(() => {
    if (toast.kind === 'error') return;
    const timer = setTimeout(() => dismiss(toast.id), 8000);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid={`toast-${toast.kind}`}>
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action!.run();
            dismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
