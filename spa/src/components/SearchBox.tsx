import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { SearchHit } from '../api';
import { localName, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { useApiClient } from '../useApi';

/** Search with results as you type (a combobox: arrows move, Enter opens, Escape closes). */
export function SearchBox() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [query] = useSearchParams();
  const [text, setText] = useState(pathname === '/search' ? query.get('q') ?? '' : '');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const asked = useRef(0);

  useEffect(() => {
    const q = text.trim();
    if (q.length === 0) { setHits([]); return; }
    const ticket = ++asked.current;
    const timer = window.setTimeout(() => {
      api.request<SearchHit[]>('/catalog/products/search', { query: { q, size: 6 } })
        .then((found) => { if (ticket === asked.current) { setHits(found); setActive(-1); } })
        .catch(() => { if (ticket === asked.current) setHits([]); });
    }, 200);
    return () => window.clearTimeout(timer);
  }, [text, api]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (active >= 0 && hits[active]) { openHit(hits[active]); return; }
    if (text.trim()) { setOpen(false); navigate(`/search?q=${encodeURIComponent(text.trim())}`); }
  };
  const openHit = (hit: SearchHit) => { setOpen(false); navigate(`/products/${hit.productId}`); };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, hits.length - 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setActive((a) => Math.max(a - 1, -1)); }
    else if (event.key === 'Escape') { setOpen(false); setActive(-1); }
  };
  const showList = open && text.trim().length > 0 && hits.length > 0;

  return (
    <form className="search" role="search" onSubmit={submit}>
      <label htmlFor="search-input" className="visually-hidden">{t('search.label')}</label>
      <input id="search-input" type="search" value={text} placeholder={t('search.placeholder')} autoComplete="off"
        role="combobox" aria-expanded={showList} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => { setText(e.target.value); setOpen(true); }} onKeyDown={onKey}
        onFocus={() => setOpen(true)} onBlur={() => window.setTimeout(() => setOpen(false), 150)} />
      <button type="submit" className="primary">{t('search.submit')}</button>
      {showList && (
        <ul id={listId} role="listbox" className="suggestions" aria-label={t('search.suggestions')}>
          {hits.map((hit, i) => (
            <li key={hit.productId} id={`${listId}-${i}`} role="option" aria-selected={i === active}
              className={i === active ? 'active' : undefined} onMouseDown={(e) => { e.preventDefault(); openHit(hit); }}>
              <span>{localName(hit.names, '', lang)}</span>
              {hit.fromPrice && <span className="price">{formatMoney(hit.fromPrice, lang)}</span>}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
