import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../../api';
import { ErrorBox, Loaded } from '../../components/Status';
import { useI18n } from '../../i18n';
import { fractionDigits } from '../../money';
import { asApiError, keys, queries, useApiClient } from '../../queries';
import { CURRENCIES, NAME_LANGS, draftOf, emptySku, problemsOf, requestOf, type ProductDraft, type SkuDraft } from './productDraft';

const EMPTY: ProductDraft = { names: { 'zh-CN': '', en: '', ja: '' }, skus: [emptySku()] };

/** Create (no id) or edit a product: names per language and its SKUs with prices and points prices. */
export function ProductForm({ id }: { id?: number }) {
  return id === undefined ? <ProductEditor initial={EMPTY} existing={0} /> : <ExistingProduct id={id} />;
}

function ExistingProduct({ id }: { id: number }) {
  const api = useApiClient();
  const product = useQuery(queries.merchantProduct(api, id));
  return (
    <Loaded query={product}>
      {(p) => <ProductEditor id={id} initial={draftOf(p)} existing={p.skus.length} />}
    </Loaded>
  );
}

function useSaveProduct(id: number | undefined) {
  const api = useApiClient();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [key] = useState(newIdempotencyKey);
  return useMutation({
    mutationFn: (draft: ProductDraft) => (id
      ? api.request(`/catalog/merchant/products/${id}`, { method: 'PUT', body: requestOf(draft) })
      : api.request('/catalog/merchant/products', { method: 'POST', idempotencyKey: key, body: requestOf(draft) })),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.merchantProducts }),
        client.invalidateQueries({ queryKey: keys.products }),
      ]);
      navigate('/console');
    },
  });
}

/** The form itself; the first {@code existing} SKUs are saved ones, whose codes cannot change. */
function ProductEditor({ id, initial, existing }: { id?: number; initial: ProductDraft; existing: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const save = useSaveProduct(id);

  const problems = problemsOf(draft);
  const invalid = (field: string) => tried && field in problems;
  const setName = (lang: string, value: string) => setDraft({ ...draft, names: { ...draft.names, [lang]: value } });
  const setSku = (i: number, change: Partial<SkuDraft>) =>
    setDraft({ ...draft, skus: draft.skus.map((s, j) => (i === j ? { ...s, ...change } : s)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) save.mutate(draft);
  };

  const field = (name: string, label: string, value: string, onChange: (v: string) => void, extra: Record<string, string> = {}) => (
    <label className={invalid(name) ? 'field invalid' : 'field'}>
      <span>{label}</span>
      <input name={name} value={value} aria-invalid={invalid(name)} onChange={(e) => onChange(e.target.value)} {...extra} />
    </label>
  );

  return (
    <form className="product-form" onSubmit={submit} noValidate>
      <h2>{id ? t('console.editProduct', { id }) : t('console.newProduct')}</h2>
      <fieldset>
        <legend>{t('console.names')}</legend>
        {NAME_LANGS.map((lang) => field(`name-${lang}`, t('console.nameIn', { lang }), draft.names[lang] ?? '', (v) => setName(lang, v)))}
      </fieldset>
      <fieldset>
        <legend>{t('console.skus')}</legend>
        {draft.skus.map((sku, i) => (
          <div className="sku-row" key={i}>
            {field(`sku-${i}-code`, t('console.skuCode'), sku.code, (v) => setSku(i, { code: v }), i < existing ? { readOnly: 'readonly' } : {})}
            {field(`sku-${i}-attributes`, t('console.attributes'), sku.attributes, (v) => setSku(i, { attributes: v }))}
            {field(`sku-${i}-price`, t('console.price'), sku.price, (v) => setSku(i, { price: v }),
              invalid(`sku-${i}-price`) ? { inputMode: 'decimal', 'aria-describedby': `sku-${i}-price-hint` } : { inputMode: 'decimal' })}
            <label className="field">
              <span>{t('console.currency')}</span>
              <select name={`sku-${i}-currency`} value={sku.currency} onChange={(e) => setSku(i, { currency: e.target.value })}>
                {CURRENCIES.map((c) => <option key={c}>{c}</option>)}
              </select>
            </label>
            {field(`sku-${i}-points`, t('console.pointsPrice'), sku.points, (v) => setSku(i, { points: v }), { inputMode: 'numeric' })}
            {field(`sku-${i}-cash`, t('console.pointsCash'), sku.cash, (v) => setSku(i, { cash: v }), { inputMode: 'decimal' })}
            {field(`sku-${i}-limit`, t('console.redeemLimit'), sku.limit, (v) => setSku(i, { limit: v }), { inputMode: 'numeric' })}
            {field(`sku-${i}-weight`, t('console.weight'), sku.weight, (v) => setSku(i, { weight: v }), { inputMode: 'numeric' })}
            {invalid(`sku-${i}-price`) && <p className="hint" id={`sku-${i}-price-hint`}>{t('console.badPrice', { digits: fractionDigits(sku.currency) })}</p>}
            {i >= existing && draft.skus.length > 1 && (
              <button type="button" className="link" onClick={() => setDraft({ ...draft, skus: draft.skus.filter((_, j) => j !== i) })}>
                {t('console.removeSku')}
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => setDraft({ ...draft, skus: [...draft.skus, emptySku()] })}>{t('console.addSku')}</button>
      </fieldset>
      {tried && Object.keys(problems).length > 0 && <p className="error" role="alert">{t('console.invalid')}</p>}
      {save.error && <ErrorBox error={asApiError(save.error)} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending || save.isSuccess}>{t('common.save')}</button>
        <button type="button" onClick={() => navigate('/console')}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
