import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { newIdempotencyKey, type FlashSale } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, Loaded } from '../../components/Status';
import { formatTime, useI18n } from '../../i18n';
import { formatMoney, fractionDigits } from '../../money';
import { asApiError, keys, queries, useApiClient } from '../../queries';
import {
  emptyFlashSale, flashSaleProblems, flashSaleRequest, serverProblems, type FlashSaleDraft, type FlashSaleField,
} from '../../stock/flashSaleDraft';
import { CURRENCIES } from './productDraft';
import { useStockText, type StockKey } from './stockMessages';

const LABELS: Record<FlashSaleField, StockKey> = {
  sku: 'flash.sku', quantity: 'flash.quantity', price: 'flash.price', currency: 'flash.currency',
  startsAt: 'flash.startsAt', endsAt: 'flash.endsAt', perShopperLimit: 'flash.perShopperLimit',
};

/**
 * A new flash sale: checked here by the rules stock keeps (so most mistakes are named before
 * sending), and stock's own refusals shown at the field they are about.
 */
function FlashSaleForm({ skus }: { skus: string[] }) {
  const s = useStockText();
  const { t } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [draft, setDraft] = useState<FlashSaleDraft>(() => emptyFlashSale(params.get('sku') ?? ''));
  const [tried, setTried] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const schedule = useMutation({
    mutationFn: (d: FlashSaleDraft) => api.request<FlashSale>('/stock/flash-sales', { method: 'POST', idempotencyKey: key, body: flashSaleRequest(d) }),
    onSuccess: () => Promise.all([
      client.invalidateQueries({ queryKey: keys.flashSales }),
      client.invalidateQueries({ queryKey: keys.stock }),
      client.invalidateQueries({ queryKey: keys.availability }),
    ]),
  });
  const problems = flashSaleProblems(draft, new Date());
  const server = schedule.error ? serverProblems(asApiError(schedule.error)) : { fields: {}, general: false };
  const set = (change: Partial<FlashSaleDraft>) => {
    setDraft({ ...draft, ...change });
    setKey(newIdempotencyKey());
    schedule.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) schedule.mutate(draft);
  };
  const problemText = (name: FlashSaleField): string | undefined => {
    const own = tried ? problems[name] : undefined;
    if (own) return s(`flash.problem.${own}` as StockKey, { digits: fractionDigits(draft.currency) });
    return server.fields[name];
  };
  const field = (name: Exclude<FlashSaleField, 'currency'>, extra: Record<string, string> = {}) => {
    const problem = problemText(name);
    return (
      <label className={problem ? 'field invalid' : 'field'}>
        <span>{s(LABELS[name])}</span>
        <input name={name} value={draft[name]} aria-invalid={!!problem} aria-describedby={problem ? `flash-${name}-problem` : undefined}
          onChange={(e) => set({ [name]: e.target.value })} {...extra} />
        {problem && <p className="hint" id={`flash-${name}-problem`}>{problem}</p>}
      </label>
    );
  };
  const created = schedule.data;
  return (
    <form className="product-form" onSubmit={submit} noValidate aria-labelledby="flash-title">
      <h2 id="flash-title">{s('flash.title')}</h2>
      <p className="muted">{s('flash.rules')}</p>
      <fieldset>
        <legend>{s('flash.sku')}</legend>
        {field('sku', { list: 'flash-skus', autoComplete: 'off' })}
        <datalist id="flash-skus">{skus.map((sku) => <option key={sku} value={sku} />)}</datalist>
        {field('quantity', { inputMode: 'numeric' })}
        {field('perShopperLimit', { inputMode: 'numeric' })}
      </fieldset>
      <fieldset>
        <legend>{s('flash.price')}</legend>
        {field('price', { inputMode: 'decimal' })}
        <label className="field">
          <span>{s('flash.currency')}</span>
          <select name="currency" value={draft.currency} onChange={(e) => set({ currency: e.target.value })}>
            {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          {server.fields.currency && <p className="hint">{server.fields.currency}</p>}
        </label>
      </fieldset>
      <fieldset>
        <legend>{s('flash.startsAt')} · {s('flash.endsAt')}</legend>
        {field('startsAt', { type: 'datetime-local' })}
        {field('endsAt', { type: 'datetime-local' })}
      </fieldset>
      {schedule.error && server.general && <ErrorBox error={asApiError(schedule.error)} retry={() => schedule.mutate(draft)} />}
      {((schedule.error && !server.general) || (tried && Object.keys(problems).length > 0)) && <p className="error" role="alert">{t('console.invalid')}</p>}
      {created && <p className="ok" role="status">{s('flash.scheduled', { id: created.id })}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={schedule.isPending}>{s('flash.submit')}</button>
      </div>
    </form>
  );
}

function SaleRow({ sale }: { sale: FlashSale }) {
  const s = useStockText();
  const { lang } = useI18n();
  return (
    <tr data-sale-id={sale.id} data-sku={sale.sku}>
      <td>
        <strong>#{sale.id}</strong> <span className={`badge phase-${sale.phase.toLowerCase()}`}>{s(`flash.phase.${sale.phase}` as StockKey)}</span>
        <div><Link to={`/console/stock/skus/${encodeURIComponent(sale.sku)}`}><code>{sale.sku}</code></Link> · <span className="price">{formatMoney(sale.price, lang)}</span></div>
        <div className="muted">{s('flash.window', { from: formatTime(sale.startsAt, lang), to: formatTime(sale.endsAt, lang) })}</div>
      </td>
      <td data-label={s('flash.quantity')}>{s('flash.left', { remaining: sale.remaining, quantity: sale.quantity })}
        <div className="muted">{s('flash.limit', { n: sale.perShopperLimit })}</div></td>
    </tr>
  );
}

/** Flash sales: schedule one, and the upcoming and live ones (a merchant's own SKUs; an admin's: all). */
export function ConsoleFlashSales() {
  const s = useStockText();
  const api = useApiClient();
  const admin = useAuth().roles.includes('admin');
  const products = useQuery(queries.merchantProducts(api));
  const sales = useQuery(queries.scheduledFlashSales(api));
  const skus = (products.data ?? []).flatMap((p) => p.skus.map((k) => k.sku));
  return (
    <>
      <FlashSaleForm skus={skus} />
      <h2>{s('flash.list')}</h2>
      <Loaded query={sales}>
        {(list) => {
          const mine = admin ? list : list.filter((sale) => skus.includes(sale.sku));
          return mine.length === 0 ? <p className="notice">{s('flash.none')}</p> : (
            <table className="table flash-sales">
              <thead><tr><th>{s('tab.flashSales')}</th><th>{s('flash.quantity')}</th></tr></thead>
              <tbody>{mine.map((sale) => <SaleRow key={sale.id} sale={sale} />)}</tbody>
            </table>
          );
        }}
      </Loaded>
    </>
  );
}
