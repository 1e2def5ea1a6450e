import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Loaded, RequireSignIn } from '../../components/Status';
import { formatTime, useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { queries, useApiClient } from '../../queries';

const STATUSES = ['CREATED', 'PICKED_UP', 'IN_TRANSIT', 'DELIVERED', 'CANCELLED', 'RETURNED_TO_SENDER', 'LOST'];

/**
 * Every parcel (admins), newest first, refreshed while open: by status, or those that need an operator (lost,
 * returned, held up at their last scan, or a carrier call failing), each with its carrier, waybill and last scan.
 */
export function ConsoleShipments() {
  const { t, known, lang } = useI18n();
  const api = useApiClient();
  const [filter, setFilter] = useState('attention');
  const shipments = useQuery({ ...queries.adminShipments(api, filter), refetchInterval: 5000, placeholderData: keepPreviousData });
  return (
    <RequireSignIn role="admin">
      <label className="field inline-field">
        <span>{t('shipments.filter')}</span>
        <select value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="attention">{t('shipments.attention')}</option>
          <option value="">{t('shipments.all')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`shipment.status.${s}` as MessageKey)}</option>)}
        </select>
      </label>
      <Loaded query={shipments}>
        {(list) => list.length === 0 ? <p className="notice">{t('shipments.none')}</p> : (
          <table className="table" data-testid="shipments">
            <thead><tr><th>{t('shipments.parcel')}</th><th>{t('shipments.carrier')}</th><th>{t('shipments.status')}</th>
              <th>{t('shipments.lastScan')}</th><th>{t('shipments.eta')}</th></tr></thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id} data-status={s.status}>
                  <td>#{s.id} <Link to={`/console/orders/${s.orderId}`}>{t('orders.order', { id: s.orderId })}</Link>
                    <div className="muted">{formatTime(s.createdAt, lang)}</div></td>
                  <td data-label={t('shipments.carrier')}>{known(`tracking.carrier.${s.carrier}`, s.carrier)}{' '}
                    {s.trackingNumber ? <code>{s.trackingNumber}</code> : <span className="muted">{t('shipments.booking')}</span>}
                    <div className="muted" data-testid="shipment-service">{t(`shipping.${s.service}`)}</div>
                    {s.carrierLabelUrl && <div><a href={s.carrierLabelUrl} target="_blank" rel="noopener noreferrer"
                      data-testid="carrier-label">{t('shipments.carrierLabel')}</a></div>}
                    {s.carrierError && <div className="error">{t('shipments.failing', { calls: s.failedCarrierCalls, error: s.carrierError })}
                      {s.nextCarrierCallAt && <span className="muted"> · {t('shipments.nextCall', { time: formatTime(s.nextCarrierCallAt, lang) })}</span>}</div>}
                  </td>
                  <td data-label={t('shipments.status')}>{t(`shipment.status.${s.status}` as MessageKey)}</td>
                  <td data-label={t('shipments.lastScan')}>{s.lastCode ? known(`tracking.code.${s.lastCode}`, s.lastCode) : ''}
                    {s.lastScanAt && <div className="muted">{formatTime(s.lastScanAt, lang)}</div>}</td>
                  <td data-label={t('shipments.eta')}>{s.eta ? formatTime(s.eta, lang) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </RequireSignIn>
  );
}
