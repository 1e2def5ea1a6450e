import { useState } from 'react';
import { ApiError, type OrderView } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { asApiError, useApiClient } from '../queries';

/** Statuses in which a parcel is packed or on its way: its papers can be printed. */
const PAID = ['PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED'];

const PAPERS: { paper: 'packing-list' | 'label'; key: MessageKey }[] = [
  { paper: 'packing-list', key: 'console.packingList' },
  { paper: 'label', key: 'console.label' },
];

/** Fetches a PDF with the operator's token and saves it as a file; what went wrong, in the reader's words. */
function usePdfSaver() {
  const { t, known } = useI18n();
  const api = useApiClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const save = async (path: string, filename: string) => {
    setBusy(path);
    setProblem(null);
    try {
      const pdf = await api.blob(path);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(pdf);
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      setProblem(asApiError(error));
    } finally {
      setBusy(null);
    }
  };
  const problemText = problem && (problem.status === 0 ? t('error.network')
    : known(`paper.${problem.type.split('/').pop()}`, problem.detail));
  return { busy, save, problemText };
}

/** The packing list and the label of a paid order, saved as PDFs. */
export function ParcelPapers({ order }: { order: OrderView }) {
  const { t } = useI18n();
  const { busy, save, problemText } = usePdfSaver();
  if (!PAID.includes(order.status)) return null;
  return (
    <div className="parcel-papers">
      <div className="actions">
        {PAPERS.map(({ paper, key }) => {
          const path = `/cart-order/operator/orders/${order.id}/${paper}`;
          return (
            <button key={paper} type="button" disabled={busy !== null} onClick={() => void save(path, `${paper}-${order.id}.pdf`)}>
              {busy === path ? t('common.loading') : t(key)}
            </button>
          );
        })}
      </div>
      {problemText && <p className="error" role="alert">{problemText}</p>}
    </div>
  );
}

/** Every label of the orders being packed (booked, waiting for pick-up), one a page, in one PDF. */
export function BatchLabels() {
  const { t } = useI18n();
  const { busy, save, problemText } = usePdfSaver();
  return (
    <div className="parcel-papers">
      <button type="button" disabled={busy !== null} onClick={() => void save('/cart-order/operator/orders/labels', 'labels-fulfilling.pdf')}>
        {busy ? t('common.loading') : t('console.batchLabels')}
      </button>
      {problemText && <p className="error" role="alert">{problemText}</p>}
    </div>
  );
}
