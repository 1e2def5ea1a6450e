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

/** The packing list and the label of a paid order, fetched with the operator's token and saved as PDFs. */
export function ParcelPapers({ order }: { order: OrderView }) {
  const { t, known } = useI18n();
  const api = useApiClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  if (!PAID.includes(order.status)) return null;

  const save = async (paper: string) => {
    setBusy(paper);
    setProblem(null);
    try {
      const pdf = await api.blob(`/cart-order/operator/orders/${order.id}/${paper}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(pdf);
      link.download = `${paper}-${order.id}.pdf`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      setProblem(asApiError(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="parcel-papers">
      <div className="actions">
        {PAPERS.map(({ paper, key }) => (
          <button key={paper} type="button" disabled={busy !== null} onClick={() => void save(paper)}>
            {busy === paper ? t('common.loading') : t(key)}
          </button>
        ))}
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem.status === 0 ? t('error.network') : known(`paper.${problem.type.split('/').pop()}`, problem.detail)}
        </p>
      )}
    </div>
  );
}
