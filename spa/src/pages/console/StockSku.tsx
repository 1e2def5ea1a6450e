import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey, type MovementKind, type Transfer, type Warehouse, type WarehouseStock } from '../../api';
import { ErrorBox, Loaded } from '../../components/Status';
import { formatTime, useI18n } from '../../i18n';
import { asApiError, keys, MOVEMENTS_PAGE, queries, useApiClient } from '../../queries';
import { nonNegative, receiptProblems, transferProblems, type ReceiptDraft, type TransferDraft } from '../../stock/ledgerForms';
import { QuarantineDecision } from './QuarantineDecision';
import { AlertList } from './StockAlerts';
import { TransferTable } from './StockTransfers';
import { useStockText, type StockKey } from './stockMessages';

const KINDS: MovementKind[] = ['RECEIPT', 'SALE', 'RETURN_TO_STOCK', 'RETURN_TO_QUARANTINE', 'QUARANTINE_RELEASED',
  'QUARANTINE_WRITTEN_OFF', 'ADJUSTMENT', 'TRANSFER_OUT', 'TRANSFER_IN'];

/** What a change of the ledger makes stale: every stock view, and what shoppers see of availability. */
function useLedgerChange<T, V>(request: (vars: V) => Promise<T>, then?: (result: T) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (result: T) => {
      then?.(result);
      await Promise.all([client.invalidateQueries({ queryKey: keys.stock }), client.invalidateQueries({ queryKey: keys.availability })]);
    },
  });
}

/** One warehouse's row: its figures, a count of what is on hand, and the low-stock threshold. */
function LevelRow({ sku, warehouse, level }: { sku: string; warehouse: Warehouse; level: WarehouseStock | undefined }) {
  const s = useStockText();
  const { t } = useI18n();
  const api = useApiClient();
  const path = `${encodeURIComponent(sku)}/${encodeURIComponent(warehouse.code)}`;
  const [onHand, setOnHand] = useState(String(level?.onHand ?? 0));
  const [threshold, setThreshold] = useState(level?.lowStockThreshold ? String(level.lowStockThreshold) : '');
  // A receipt, transfer or sale changes the figures: the fields follow them, so a count is never of stale figures.
  useEffect(() => setOnHand(String(level?.onHand ?? 0)), [level?.onHand]);
  useEffect(() => setThreshold(level?.lowStockThreshold ? String(level.lowStockThreshold) : ''), [level?.lowStockThreshold]);
  // Once the row had units in quarantine, their decision stays shown, with its outcome, after the last is decided.
  const [quarantineSeen, setQuarantineSeen] = useState(false);
  useEffect(() => { if ((level?.quarantined ?? 0) > 0) setQuarantineSeen(true); }, [level?.quarantined]);
  const count = useLedgerChange((units: number) => api.request(`/stock/levels/${path}`, { method: 'PUT', body: { onHand: units } }));
  const limit = useLedgerChange((units: number | null) => units === null
    ? api.request(`/stock/thresholds/${path}`, { method: 'DELETE' })
    : api.request(`/stock/thresholds/${path}`, { method: 'PUT', body: { threshold: units } }));
  const countValid = nonNegative(onHand) !== null;
  const thresholdValid = nonNegative(threshold) !== null;
  const names = { sku, warehouse: warehouse.code };
  return (
    <tr data-warehouse={warehouse.code}>
      <td><strong>{warehouse.code}</strong><div className="muted">{warehouse.name}</div></td>
      <td data-label={t('console.onHand')} data-testid="on-hand">{level?.onHand ?? 0}</td>
      <td data-label={t('console.reserved')}>{level?.reserved ?? 0}</td>
      <td data-label={t('console.available')} data-testid="available">{level?.available ?? 0}</td>
      <td data-label={s('inbound')} data-testid="inbound">{level?.inbound ?? 0}</td>
      <td data-label={s('quarantined')} data-testid="quarantined">{level?.quarantined ?? 0}
        {level && quarantineSeen && <QuarantineDecision sku={sku} warehouse={warehouse.code} quarantined={level.quarantined} />}</td>
      <td>
        <form className="inline" onSubmit={(e) => { e.preventDefault(); if (countValid) count.mutate(Number(onHand)); }}>
          <label>
            <span className="visually-hidden">{s('onHandIn', names)}</span>
            <input name="onHand" inputMode="numeric" value={onHand} aria-invalid={!countValid}
              onChange={(e) => { setOnHand(e.target.value); count.reset(); }} />
          </label>
          <button type="submit" disabled={!countValid || count.isPending}>{s('count')}</button>
          {count.isSuccess && <span className="ok" role="status">{t('console.saved')}</span>}
        </form>
        {count.error && <ErrorBox error={asApiError(count.error)} />}
        <form className="inline" onSubmit={(e) => { e.preventDefault(); if (thresholdValid) limit.mutate(Number(threshold)); }}>
          <label>
            <span className="visually-hidden">{s('thresholdOf', names)}</span>
            <input name="threshold" inputMode="numeric" placeholder={s('threshold')} value={threshold}
              onChange={(e) => { setThreshold(e.target.value); limit.reset(); }} />
          </label>
          <button type="submit" disabled={!thresholdValid || limit.isPending}>{s('setThreshold')}</button>
          {level?.lowStockThreshold ? (
            <button type="button" className="link" disabled={limit.isPending} onClick={() => { setThreshold(''); limit.mutate(null); }}>{s('removeThreshold')}</button>
          ) : null}
          {limit.isSuccess && <span className="ok" role="status">{t('console.saved')}</span>}
        </form>
        {limit.error && <ErrorBox error={asApiError(limit.error)} />}
      </td>
    </tr>
  );
}

/** A select of the warehouses, with a label and the problem the draft has with it. */
function WarehouseChoice({ name, label, value, warehouses, problem, onChange }: {
  name: string; label: string; value: string; warehouses: Warehouse[]; problem: string | undefined; onChange(code: string): void;
}) {
  const s = useStockText();
  return (
    <label className={problem ? 'field invalid' : 'field'}>
      <span>{label}</span>
      <select name={name} value={value} aria-invalid={!!problem} onChange={(e) => onChange(e.target.value)}>
        <option value="">{s('choose')}</option>
        {warehouses.map((w) => <option key={w.code} value={w.code}>{w.code} · {w.name}</option>)}
      </select>
      {problem && <p className="hint">{problem}</p>}
    </label>
  );
}

function TextField({ name, label, value, problem, onChange, numeric }: {
  name: string; label: string; value: string; problem?: string; onChange(v: string): void; numeric?: boolean;
}) {
  return (
    <label className={problem ? 'field invalid' : 'field'}>
      <span>{label}</span>
      <input name={name} value={value} inputMode={numeric ? 'numeric' : undefined} aria-invalid={!!problem} onChange={(e) => onChange(e.target.value)} />
      {problem && <p className="hint">{problem}</p>}
    </label>
  );
}

/** A purchase receipt into one warehouse; a retry of the same draft reuses its Idempotency-Key. */
function ReceiptForm({ sku, warehouses }: { sku: string; warehouses: Warehouse[] }) {
  const s = useStockText();
  const api = useApiClient();
  const [draft, setDraft] = useState<ReceiptDraft>({ warehouse: '', quantity: '', reference: '' });
  const [tried, setTried] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<ReceiptDraft | null>(null);
  const receive = useLedgerChange((d: ReceiptDraft) => api.request('/stock/receipts', {
    method: 'POST', idempotencyKey: key,
    body: { sku, warehouse: d.warehouse, quantity: Number(d.quantity.trim()), reference: d.reference.trim() || undefined },
  }), () => { setDone(draft); setDraft({ ...draft, quantity: '', reference: '' }); setTried(false); setKey(newIdempotencyKey()); });
  const problems = receiptProblems(draft);
  const set = (change: Partial<ReceiptDraft>) => { setDraft({ ...draft, ...change }); setKey(newIdempotencyKey()); setDone(null); receive.reset(); };
  const shown = (field: string) => (tried && problems[field] ? s(`problem.${problems[field]}` as StockKey) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) receive.mutate(draft);
  };
  return (
    <form className="ledger-form" onSubmit={submit} noValidate aria-labelledby="receipt-title">
      <h3 id="receipt-title">{s('receipt.title')}</h3>
      <div className="fields">
        <WarehouseChoice name="warehouse" label={s('warehouse')} value={draft.warehouse} warehouses={warehouses}
          problem={shown('warehouse')} onChange={(warehouse) => set({ warehouse })} />
        <TextField name="quantity" label={s('quantity')} value={draft.quantity} numeric problem={shown('quantity')} onChange={(quantity) => set({ quantity })} />
        <TextField name="reference" label={s('reference')} value={draft.reference} onChange={(reference) => set({ reference })} />
      </div>
      <button type="submit" className="primary" disabled={receive.isPending}>{s('receipt.submit')}</button>
      {done && <p className="ok" role="status">{s('receipt.done', { quantity: done.quantity.trim(), warehouse: done.warehouse })}</p>}
      {receive.error && <ErrorBox error={asApiError(receive.error)} retry={() => receive.mutate(draft)} />}
    </form>
  );
}

/** A transfer request: the units are held at the source at once, then dispatched and received in the list below. */
function TransferForm({ sku, warehouses }: { sku: string; warehouses: Warehouse[] }) {
  const s = useStockText();
  const api = useApiClient();
  const [draft, setDraft] = useState<TransferDraft>({ from: '', to: '', quantity: '', reference: '' });
  const [tried, setTried] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<Transfer | null>(null);
  const request = useLedgerChange((d: TransferDraft) => api.request<Transfer>('/stock/transfers', {
    method: 'POST', idempotencyKey: key,
    body: { sku, from: d.from, to: d.to, quantity: Number(d.quantity.trim()), reference: d.reference.trim() || undefined },
  }), (transfer) => { setDone(transfer); setDraft({ ...draft, quantity: '', reference: '' }); setTried(false); setKey(newIdempotencyKey()); });
  const problems = transferProblems(draft);
  const set = (change: Partial<TransferDraft>) => { setDraft({ ...draft, ...change }); setKey(newIdempotencyKey()); setDone(null); request.reset(); };
  const shown = (field: string) => (tried && problems[field] ? s(`problem.${problems[field]}` as StockKey) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) request.mutate(draft);
  };
  return (
    <form className="ledger-form" onSubmit={submit} noValidate aria-labelledby="transfer-title">
      <h3 id="transfer-title">{s('transfer.title')}</h3>
      <div className="fields">
        <WarehouseChoice name="from" label={s('transfer.from')} value={draft.from} warehouses={warehouses} problem={shown('from')} onChange={(from) => set({ from })} />
        <WarehouseChoice name="to" label={s('transfer.to')} value={draft.to} warehouses={warehouses} problem={shown('to')} onChange={(to) => set({ to })} />
        <TextField name="quantity" label={s('quantity')} value={draft.quantity} numeric problem={shown('quantity')} onChange={(quantity) => set({ quantity })} />
        <TextField name="reference" label={s('reference')} value={draft.reference} onChange={(reference) => set({ reference })} />
      </div>
      <button type="submit" className="primary" disabled={request.isPending}>{s('transfer.submit')}</button>
      {done && <p className="ok" role="status">{s('transfer.done', { id: done.id, from: done.from })}</p>}
      {request.error && <ErrorBox error={asApiError(request.error)} retry={() => request.mutate(draft)} />}
    </form>
  );
}

/** The SKU's movements, newest first, a page at a time, of one kind or all. */
function Movements({ sku }: { sku: string }) {
  const s = useStockText();
  const { lang } = useI18n();
  const api = useApiClient();
  const [kind, setKind] = useState('');
  const [page, setPage] = useState(0);
  const movements = useQuery({ ...queries.movements(api, sku, kind, page), placeholderData: keepPreviousData });
  return (
    <section aria-labelledby="movements-title">
      <h3 id="movements-title">{s('movements.title')}</h3>
      <label className="field inline-field">
        <span>{s('movements.kind')}</span>
        <select name="kind" value={kind} onChange={(e) => { setKind(e.target.value); setPage(0); }}>
          <option value="">{s('movements.allKinds')}</option>
          {KINDS.map((k) => <option key={k} value={k}>{s(`kind.${k}` as StockKey)}</option>)}
        </select>
      </label>
      <Loaded query={movements}>
        {(list) => (
          <>
            {list.length === 0 ? <p className="notice">{s('movements.none')}</p> : (
              <table className="table movements">
                <thead><tr><th>{s('movements.kind')}</th><th>{s('quantity')}</th><th>{s('movements.reason')}</th><th>{s('movements.when')}</th></tr></thead>
                <tbody>
                  {list.map((m) => (
                    <tr key={m.id} data-kind={m.kind}>
                      <td>{s(`kind.${m.kind}` as StockKey)} <span className="muted">{m.warehouse}</span></td>
                      <td data-label={s('quantity')} className={m.quantity < 0 ? 'minus' : 'plus'}>{m.quantity > 0 ? `+${m.quantity}` : m.quantity}</td>
                      <td data-label={s('movements.reason')}>{m.reason}{m.reference && <span className="muted"> · {m.reference}</span>}</td>
                      <td data-label={s('movements.when')}><time dateTime={m.occurredAt}>{formatTime(m.occurredAt, lang)}</time>
                        <div className="muted">{s('movements.actor')}: {m.actor}</div></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="inline pager">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>{s('movements.newer')}</button>
              <span className="muted">{s('movements.page', { page: page + 1 })}</span>
              <button type="button" disabled={list.length < MOVEMENTS_PAGE} onClick={() => setPage(page + 1)}>{s('movements.older')}</button>
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return <section className="stock-part"><h3>{title}</h3>{children}</section>;
}

/** One SKU's stock in every warehouse: counts, thresholds, receipts, transfers, alerts and movements. */
export function StockSku({ sku }: { sku: string }) {
  const s = useStockText();
  const { t } = useI18n();
  const api = useApiClient();
  const both = useQueries({
    queries: [queries.warehouses(api), queries.warehouseLevels(api, sku)],
    combine: ([warehouses, levels]) => ({
      data: warehouses.data && levels.data ? { warehouses: warehouses.data, levels: levels.data } : undefined,
      error: warehouses.error ?? levels.error,
      refetch: () => Promise.all([warehouses.refetch(), levels.refetch()]),
    }),
  });
  const encoded = encodeURIComponent(sku);
  return (
    <>
      <div className="order-head">
        <h2>{s('sku.title', { sku })}</h2>
        <Link to={`/console/stock/analysis/${encoded}`}>{s('sku.analysis')}</Link>
        <Link to={`/console/stock/flash-sales?sku=${encoded}`}>{s('sku.flashSale')}</Link>
      </div>
      <Loaded query={both}>
        {({ warehouses, levels }) => {
          const byCode = new Map(levels.map((l) => [l.warehouse, l]));
          return (
            <>
              <Part title={s('warehouses')}>
                <table className="table levels">
                  <thead><tr><th>{s('warehouse')}</th><th>{t('console.onHand')}</th><th>{t('console.reserved')}</th>
                    <th>{t('console.available')}</th><th>{s('inbound')}</th><th>{s('quarantined')}</th><th>{s('count')} · {s('threshold')}</th></tr></thead>
                  <tbody>
                    {warehouses.map((w) => (
                      <LevelRow key={w.code} sku={sku} warehouse={w} level={byCode.get(w.code)} />
                    ))}
                  </tbody>
                </table>
              </Part>
              <div className="ledger-forms">
                <ReceiptForm sku={sku} warehouses={warehouses} />
                <TransferForm sku={sku} warehouses={warehouses} />
              </div>
            </>
          );
        }}
      </Loaded>
      <Part title={s('tab.transfers')}><TransferTable sku={sku} /></Part>
      <Part title={s('alerts.title')}><AlertList sku={sku} /></Part>
      <Movements sku={sku} />
    </>
  );
}
