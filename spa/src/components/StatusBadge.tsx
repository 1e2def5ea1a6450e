import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';

/** An order's status, in the reader's language and its status colour. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge status-${status.toLowerCase()}`}>{t(`status.${status}` as MessageKey)}</span>;
}
