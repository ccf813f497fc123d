// Success and error messages in plain words: errors in a dialog the user closes (an older user may
// miss a toast that disappears), successes as a short toast.
import { useI18n } from 'vue-i18n';
import { showDialog, showToast } from 'vant';
import { errorInfo, errorText, showsServerDetail, type ErrorInfo } from '../api/errors';

export function useFeedback() {
  const { t, te } = useI18n();

  function describe(error: unknown): { info: ErrorInfo; text: string; detail?: string } {
    const info = errorInfo(error);
    const text = errorText(info, t, te);
    return showsServerDetail(info) ? { info, text, detail: info.serverMessage } : { info, text };
  }

  function showError(error: unknown): ErrorInfo {
    const { info, text, detail } = describe(error);
    void showDialog({
      title: t('common.errorTitle'),
      message: detail && detail !== text ? `${text}\n${detail}` : text,
      confirmButtonText: t('common.ok'),
    });
    return info;
  }

  function showErrorKind(kind: string, message?: string): void {
    const text = te(`errors.${kind}`) ? t(`errors.${kind}`) : t('errors.UNKNOWN');
    void showDialog({
      title: t('common.errorTitle'),
      message: message && message !== text ? `${text}\n${message}` : text,
      confirmButtonText: t('common.ok'),
    });
  }

  function showSuccess(message: string): void {
    showToast({ type: 'success', message, duration: 2500 });
  }

  /** A sentence too long for the success toast's square ("kept on the phone, sent later"). */
  function showNote(message: string): void {
    showToast({ message, duration: 4000 });
  }

  return { describe, showError, showErrorKind, showSuccess, showNote };
}
