import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { newIdempotencyKey, type Transfer } from '../../api';
import { ErrorBox, Loaded } from '../../components/Status';
import { formatTime, useI18n } from '../../i18n';
import { asApiError, keys, queries, useApiClient } from '../../queries';
import { transferActions } from '../../stock/ledgerForms';
import { useStockText, type StockKey } from './stockMessages';

type Step = ReturnType<typeof transferActions>[number];

function useTransferStep() {
  const api = useApiClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ transfer, step }: { transfer: Transfer; step: Step }) =>
      api.request<Transfer>(`/stock/transfers/${transfer.id}/${step}`, { method: 'POST', idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => Promise.all([
      client.invalidateQueries({ queryKey: keys.stock }),
      client.invalidateQueries({ queryKey: keys.availability }),
    ]),
  });
}

/** Transfers, newest first, each with the steps its status allows (dispatch, receive, cancel). */
export function TransferTable({ sku = '' }: { sku?: string }) {
  const s = useStockText();
  const { lang } = useI18n();
  const api = useApiClient();
  const transfers = useQuery(queries.transfers(api, sku));
  const step = useTransferStep();
  const act = (transfer: Transfer, to: Step) => {
    if (to === 'cancel' && !window.confirm(s('transfer.cancelConfirm', { id: transfer.id, from: transfer.from }))) return;
    step.mutate({ transfer, step: to });
  };
  return (
    <>
      {step.error && <ErrorBox error={asApiError(step.error)} />}
      <Loaded query={transfers}>
        {(list) => list.length === 0 ? <p className="notice">{s('transfer.none')}</p> : (
          <table className="table">
            <thead><tr><th>{s('transfer.id')}</th><th>{s('quantity')}</th><th /></tr></thead>
            <tbody>
              {list.map((transfer) => (
                <tr key={transfer.id} data-transfer-id={transfer.id} data-status={transfer.status}>
                  <td>
                    <strong>#{transfer.id}</strong>{' '}
                    <span className={`badge transfer-${transfer.status.toLowerCase()}`}>{s(`transfer.status.${transfer.status}` as StockKey)}</span>
                    <div>{!sku && <><Link to={`/console/stock/skus/${encodeURIComponent(transfer.sku)}`}><code>{transfer.sku}</code></Link>{' '}</>}
                      {s('transfer.route', { from: transfer.from, to: transfer.to })}</div>
                    <div className="muted">{s('transfer.requested', { at: formatTime(transfer.requestedAt, lang), by: transfer.requestedBy })}
                      {transfer.reference && <> · {transfer.reference}</>}</div>
                  </td>
                  <td data-label={s('quantity')}>{transfer.quantity}</td>
                  <td>
                    <div className="inline">
                      {transferActions(transfer.status).map((to) => (
                        <button key={to} type="button" disabled={step.isPending} onClick={() => act(transfer, to)}>{s(`transfer.${to}`)}</button>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}

/** Every transfer the operator may see. */
export function StockTransfers() {
  return <TransferTable />;
}
