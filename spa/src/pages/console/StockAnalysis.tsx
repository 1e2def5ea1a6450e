import { useQuery } from '@tanstack/react-query';
import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { RankedSku, SkuAnalysis } from '../../api';
import { Chart, CHART_COLOURS } from '../../charts/Chart';
import { ErrorBox, Loaded, Loading } from '../../components/Status';
import { formatDate, useI18n } from '../../i18n';
import { formatMoney, fractionDigits } from '../../money';
import { asApiError, queries, useApiClient } from '../../queries';
import { ABC, abcXyzMatrix, pareto, XYZ } from '../../stock/abc';
import { demandSeries, sellThroughParts } from '../../stock/analysisSeries';
import { useStockText } from './stockMessages';

const PERIODS = [30, 90, 180, 365];

/** Revenue of each SKU, best seller first, in its class's colour, and the cumulative share on a second axis. */
function ParetoChart({ ranked }: { ranked: RankedSku[] }) {
  const s = useStockText();
  const { lang } = useI18n();
  const { bars, currency, totalMinor } = useMemo(() => pareto(ranked), [ranked]);
  const config = useMemo((): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: bars.map((b) => b.sku),
      datasets: [
        {
          type: 'bar', label: s('analysis.revenue'), yAxisID: 'revenue', order: 2,
          data: bars.map((b) => b.revenueMinor),
          backgroundColor: bars.map((b) => CHART_COLOURS[b.abcClass]),
        },
        {
          type: 'line', label: s('analysis.cumulative'), yAxisID: 'share', order: 1,
          data: bars.map((b) => b.cumulative ?? 0), borderColor: CHART_COLOURS.line, backgroundColor: CHART_COLOURS.line, pointRadius: 2,
        },
      ],
    },
    options: {
      scales: {
        // Compact amounts in major units (8K, 1.5万), the currency in the axis title: they fit beside a phone's chart.
        revenue: { type: 'linear', position: 'left', beginAtZero: true,
          title: { display: true, text: currency ? `${s('analysis.revenue')} (${currency})` : s('analysis.revenue') },
          ticks: { callback: (v) => new Intl.NumberFormat(lang, { notation: 'compact' }).format(Number(v) / 10 ** fractionDigits(currency ?? 'CNY')) } },
        share: { type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } },
      },
      plugins: {
        tooltip: { callbacks: { label: (item) => (item.dataset.yAxisID === 'share' ? `${item.formattedValue}%`
          : `${bars[item.dataIndex].abcClass} · ${currency ? formatMoney({ amountMinor: Number(item.raw), currency }, lang) : item.formattedValue}`) } },
      },
    },
  }), [bars, currency, lang, s]);
  if (totalMinor === 0) return <p className="notice" data-testid="pareto-empty">{s('analysis.noRevenue')}</p>;
  return <Chart config={config} label={s('analysis.paretoLabel')} points={bars.length} />;
}

const classTicks = (axis: { ticks: { value: number }[] }) => { axis.ticks = [0, 1, 2].map((value) => ({ value })); };

/** The ABC × XYZ matrix as a bubble chart (a bubble per class pair, its area the number of SKUs) and as a table. */
function MatrixChart({ ranked }: { ranked: RankedSku[] }) {
  const s = useStockText();
  const { lang } = useI18n();
  const cells = useMemo(() => abcXyzMatrix(ranked), [ranked]);
  const most = Math.max(1, ...cells.map((c) => c.skus.length));
  const filled = cells.filter((c) => c.skus.length > 0);
  const config = useMemo((): ChartConfiguration => ({
    type: 'bubble',
    data: {
      datasets: ABC.map((abc) => ({
        label: abc,
        backgroundColor: `${CHART_COLOURS[abc]}cc`,
        borderColor: CHART_COLOURS[abc],
        data: cells.filter((c) => c.abc === abc && c.skus.length > 0)
          .map((c) => ({ x: XYZ.indexOf(c.xyz), y: 2 - ABC.indexOf(c.abc), r: 6 + 24 * Math.sqrt(c.skus.length / most), n: c.skus.length })),
      })),
    },
    options: {
      scales: {
        // One tick per class, at 0, 1 and 2, with the axis reaching half a class beyond them so the bubbles fit.
        x: { min: -0.5, max: 2.5, afterBuildTicks: classTicks, ticks: { callback: (v) => XYZ[Number(v)] ?? '' }, title: { display: true, text: s('analysis.xyz') } },
        y: { min: -0.5, max: 2.5, afterBuildTicks: classTicks, ticks: { callback: (v) => ABC[2 - Number(v)] ?? '' }, title: { display: true, text: s('analysis.abc') } },
      },
      plugins: {
        tooltip: { callbacks: { label: (item) => {
          const point = item.raw as { x: number; y: number; n: number };
          return `${ABC[2 - point.y]}${XYZ[point.x]}: ${s('analysis.skuCount', { n: point.n })}`;
        } } },
      },
    },
  }), [cells, most, s]);
  const currency = ranked[0]?.revenue.currency;
  return (
    <div className="matrix">
      <Chart config={config} label={s('analysis.matrixLabel')} points={filled.length} height={280} />
      <table className="table matrix-table" data-testid="abc-xyz-matrix">
        <thead><tr><th /><th scope="col">X</th><th scope="col">Y</th><th scope="col">Z</th></tr></thead>
        <tbody>
          {ABC.map((abc) => (
            <tr key={abc}>
              <th scope="row">{abc}</th>
              {XYZ.map((xyz) => {
                const cell = cells.find((c) => c.abc === abc && c.xyz === xyz)!;
                return (
                  <td key={xyz} data-cell={`${abc}${xyz}`} data-count={cell.skus.length}>
                    <strong>{cell.skus.length}</strong>
                    {cell.revenueMinor > 0 && currency && <div className="muted">{formatMoney({ amountMinor: cell.revenueMinor, currency }, lang)}</div>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The caller's SKUs ranked by revenue over a period: the Pareto chart, the ABC × XYZ matrix, and the ranking. */
export function StockAnalysis() {
  const s = useStockText();
  const { lang } = useI18n();
  const api = useApiClient();
  const [days, setDays] = useState(90);
  const ranking = useQuery(queries.abcRanking(api, days));
  return (
    <>
      <label className="field inline-field">
        <span>{s('analysis.days')}</span>
        <select name="days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {PERIODS.map((n) => <option key={n} value={n}>{s('analysis.lastDays', { n })}</option>)}
        </select>
      </label>
      <Loaded query={ranking}>
        {(ranked) => ranked.length === 0 ? <p className="notice">{s('analysis.noSkus')}</p> : (
          <div className="analysis">
            <section className="panel" aria-labelledby="pareto-title">
              <h2 id="pareto-title">{s('analysis.pareto')}</h2>
              <ParetoChart ranked={ranked} />
            </section>
            <section className="panel" aria-labelledby="matrix-title">
              <h2 id="matrix-title">{s('analysis.matrix')}</h2>
              <p className="muted">{s('analysis.matrixHelp')}</p>
              <MatrixChart ranked={ranked} />
            </section>
            <section className="panel wide" aria-labelledby="ranking-title">
              <h2 id="ranking-title">{s('analysis.ranking')}</h2>
              <table className="table ranking">
                <thead><tr><th>SKU</th><th>{s('analysis.units')}</th><th>{s('analysis.revenue')}</th><th>{s('analysis.abc')} · {s('analysis.xyz')}</th></tr></thead>
                <tbody>
                  {ranked.map((r) => (
                    <tr key={r.sku} data-sku={r.sku}>
                      <td><Link to={`/console/stock/analysis/${encodeURIComponent(r.sku)}`}><code>{r.sku}</code></Link></td>
                      <td data-label={s('analysis.units')}>{r.units}</td>
                      <td data-label={s('analysis.revenue')}>{formatMoney(r.revenue, lang)}</td>
                      <td data-label={`${s('analysis.abc')} · ${s('analysis.xyz')}`}><span className={`badge abc-${r.abcClass.toLowerCase()}`}>{r.abcClass}</span> {r.xyzClass}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        )}
      </Loaded>
    </>
  );
}

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** Units sold each day, what the forecast predicted the day before, and the forecast ahead. */
function DemandChart({ view }: { view: SkuAnalysis }) {
  const s = useStockText();
  const series = useMemo(() => demandSeries(view), [view]);
  const config = useMemo((): ChartConfiguration => ({
    type: 'line',
    data: {
      labels: series.labels,
      datasets: [
        { label: s('analysis.sold'), data: series.sold, borderColor: CHART_COLOURS.sold, backgroundColor: CHART_COLOURS.sold, pointRadius: 1.5, spanGaps: false },
        { label: s('analysis.predicted'), data: series.predicted, borderColor: CHART_COLOURS.predicted, backgroundColor: CHART_COLOURS.predicted, borderDash: [4, 3], pointRadius: 0 },
        { label: s('analysis.forecast'), data: series.forecast, borderColor: CHART_COLOURS.forecast, backgroundColor: CHART_COLOURS.forecast, borderWidth: 3, pointRadius: 0 },
      ],
    },
    options: { interaction: { mode: 'index', intersect: false }, scales: { y: { beginAtZero: true } } },
  }), [series, s]);
  const shown = (n: number | null) => (n === null ? '' : String(n));
  return (
    <>
      <Chart config={config} label={s('analysis.demandLabel', { from: view.from, to: view.to, horizon: view.forecast.daily.length })}
        points={series.labels.length} />
      <details>
        <summary>{s('analysis.dataTable')}</summary>
        <table className="table figures">
          <thead><tr><th>{s('analysis.date')}</th><th>{s('analysis.sold')}</th><th>{s('analysis.predicted')}</th><th>{s('analysis.forecast')}</th></tr></thead>
          <tbody>{series.labels.map((day, i) => (
            <tr key={day}><td>{day}</td><td>{shown(series.sold[i])}</td><td>{shown(series.predicted[i])}</td><td>{shown(series.forecast[i])}</td></tr>
          ))}</tbody>
        </table>
      </details>
    </>
  );
}

function SellThroughChart({ view }: { view: SkuAnalysis }) {
  const s = useStockText();
  const parts = sellThroughParts(view.sellThrough);
  const config = useMemo((): ChartConfiguration<'doughnut'> => ({
    type: 'doughnut',
    data: {
      labels: [s('analysis.sold'), s('analysis.left')],
      datasets: [{ data: [parts.sold, parts.left], backgroundColor: [CHART_COLOURS.sold, CHART_COLOURS.left] }],
    },
    options: { cutout: '60%', plugins: { legend: { position: 'bottom' } } },
  }), [parts.sold, parts.left, s]);
  if (parts.percent === null) return <p className="notice">{s('analysis.sellThroughNone')}</p>;
  return (
    <>
      <p className="big-figure" data-testid="sell-through">{s('analysis.sellThroughRate', { percent: parts.percent })}</p>
      <Chart config={config as unknown as ChartConfiguration} label={s('analysis.sellThroughLabel', { sold: parts.sold, left: parts.left })} points={2} height={220} />
    </>
  );
}

function Replenishment({ view }: { view: SkuAnalysis }) {
  const s = useStockText();
  const r = view.replenishment;
  const figures: [string, string][] = [
    [s('analysis.demandLead'), fixed(r.demandOverLeadTime, 1)],
    [s('analysis.safetyStock'), fixed(r.safetyStock, 1)],
    [s('analysis.reorderPoint'), fixed(r.reorderPoint, 1)],
    [s('analysis.demandReview'), fixed(r.demandOverReviewPeriod, 1)],
    [s('analysis.position'), String(r.position)],
    [s('analysis.onOrder'), String(r.onOrder)],
  ];
  return (
    <>
      <p className="big-figure" data-testid="reorder-quantity">{s('analysis.suggest', { quantity: r.quantity })}</p>
      <p data-testid="replenishment-explanation">{r.explanation}</p>
      <dl className="facts">{figures.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}</dl>
    </>
  );
}

interface Terms { leadTimeDays: number; reviewDays: number; serviceLevel: number }

/** The lead time, review period and service level the suggestion is worked out for; applied on submit. */
function TermsForm({ terms, onChange }: { terms: Terms; onChange(terms: Terms): void }) {
  const s = useStockText();
  const [text, setText] = useState({ leadTimeDays: String(terms.leadTimeDays), reviewDays: String(terms.reviewDays), serviceLevel: String(terms.serviceLevel) });
  const days = (v: string) => (/^\d{1,3}$/.test(v.trim()) && Number(v) <= 365 ? Number(v) : null);
  const level = Number(text.serviceLevel);
  const valid = days(text.leadTimeDays) !== null && days(text.reviewDays) !== null && level > 0 && level < 1;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onChange({ leadTimeDays: Number(text.leadTimeDays), reviewDays: Number(text.reviewDays), serviceLevel: level });
  };
  const input = (name: keyof typeof text, label: string) => (
    <label className="field">
      <span>{label}</span>
      <input name={name} inputMode="decimal" value={text[name]} aria-invalid={!valid} onChange={(e) => setText({ ...text, [name]: e.target.value })} />
    </label>
  );
  return (
    <form className="inline terms" onSubmit={submit} noValidate>
      {input('leadTimeDays', s('analysis.leadTimeDays'))}
      {input('reviewDays', s('analysis.reviewDays'))}
      {input('serviceLevel', s('analysis.serviceLevel'))}
      <button type="submit" disabled={!valid}>{s('analysis.recompute')}</button>
      {!valid && <p className="hint">{s('analysis.badTerms')}</p>}
    </form>
  );
}

/** One SKU's sales: history against the forecast, sell-through, variability and what to reorder. */
export function SkuAnalysisPage({ sku }: { sku: string }) {
  const s = useStockText();
  const { lang } = useI18n();
  const api = useApiClient();
  const [terms, setTerms] = useState<Terms>({ leadTimeDays: 7, reviewDays: 7, serviceLevel: 0.95 });
  const analysis = useQuery(queries.skuAnalysis(api, sku, terms));
  const error = analysis.error ? asApiError(analysis.error) : null;
  const tooShort = error?.status === 409 && error.type.endsWith('/history-too-short');
  return (
    <>
      <div className="order-head">
        <h2>{s('analysis.skuTitle', { sku })}</h2>
        <Link to={`/console/stock/skus/${encodeURIComponent(sku)}`}>{s('details')}</Link>
      </div>
      {tooShort ? (
        <div className="notice" role="status" data-testid="history-too-short">
          <strong>{s('analysis.tooShort')}</strong>
          <p>{s('analysis.tooShortHelp')} {error.detail}</p>
        </div>
      ) : error ? <ErrorBox error={error} retry={() => void analysis.refetch()} />
        : !analysis.data ? <Loading /> : (
          <div className="analysis">
            <section className="panel wide" aria-labelledby="demand-title">
              <h3 id="demand-title">{s('analysis.demand')}</h3>
              <p className="muted">{formatDate(`${analysis.data.from}T12:00:00`, lang)} – {formatDate(`${analysis.data.to}T12:00:00`, lang)} · {s('analysis.method', {
                method: analysis.data.forecast.method, alpha: fixed(analysis.data.forecast.alpha), beta: fixed(analysis.data.forecast.beta),
                gamma: fixed(analysis.data.forecast.gamma), sd: fixed(analysis.data.forecast.residualSd) })}</p>
              <DemandChart view={analysis.data} />
            </section>
            <section className="panel" aria-labelledby="sell-through-title">
              <h3 id="sell-through-title">{s('analysis.sellThrough')}</h3>
              <SellThroughChart view={analysis.data} />
              <p className="muted">{s('analysis.variability', { xyz: analysis.data.xyzClass,
                cv: analysis.data.coefficientOfVariation === null ? '–' : fixed(analysis.data.coefficientOfVariation) })}</p>
            </section>
            <section className="panel" aria-labelledby="replenishment-title">
              <h3 id="replenishment-title">{s('analysis.replenishment')}</h3>
              <TermsForm terms={terms} onChange={setTerms} />
              <Replenishment view={analysis.data} />
            </section>
          </div>
        )}
    </>
  );
}
