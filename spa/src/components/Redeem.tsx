import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { newIdempotencyKey, type OrderView, type SkuView } from '../api';
import { useI18n } from '../i18n';
import { formatMoney } from '../money';
import { asApiError, keys, useApiClient } from '../queries';
import { ErrorBox } from './Status';

/** A SKU's points-mall price: "3,000 points", or "3,000 points + ¥5.00". */
export function pointsPriceText(sku: SkuView, lang: string, t: ReturnType<typeof useI18n>['t']): string {
  const points = t('common.points', { points: (sku.pointsPrice ?? 0).toLocaleString(lang) });
  return sku.pointsCash && sku.pointsCash.amountMinor > 0 ? `${points} + ${formatMoney(sku.pointsCash, lang)}` : points;
}

/**
 * Redeems one unit of a SKU in the points mall: cart-order places a REDEMPTION order (its points held
 * by loyalty, its units by stock, any money part paid like an order), and the order page follows it.
 * One key per attempt, so a retried click places one order.
 */
export function RedeemButton({ sku, name }: { sku: SkuView; name: string }) {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [key] = useState(newIdempotencyKey);
  const redeem = useMutation({
    mutationFn: () => api.request<OrderView>('/cart-order/redemptions', { method: 'POST', idempotencyKey: key, body: { sku: sku.sku, quantity: 1 } }),
    onSuccess: (order) => {
      void client.invalidateQueries({ queryKey: keys.orders });
      void client.invalidateQueries({ queryKey: keys.points });
      navigate(`/orders/${order.id}`);
    },
  });
  return (
    <>
      <button type="button" className="primary" disabled={redeem.isPending || redeem.isSuccess}
        aria-label={`${t('mall.redeem')}: ${name}`}
        onClick={() => window.confirm(t('mall.confirm', { name, points: pointsPriceText(sku, lang, t) })) && redeem.mutate()}>
        {t('mall.redeem')}
      </button>
      {redeem.error && <ErrorBox error={asApiError(redeem.error)} />}
    </>
  );
}
