import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { SearchHit } from '../api';
import { localName, useI18n } from '../i18n';
import { formatMoney } from '../money';
import { queries, useApiClient } from '../queries';

/** Search with results as you type (a combobox: arrows move, Enter opens, Escape closes). */
export function SearchBox() {
  const { t, lang } = useI18n();
  const api = useApiClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [query] = useSearchParams();
  const [text, setText] = useState(pathname === '/search' ? query.get('q') ?? '' : '');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState(-1);
  const listId = useId();
  // Asked once the typing pauses for 200 ms; the last answer stays up until the next one arrives.
  const [q, setQ] = useState(text.trim());
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 200);
    return () => window.clearTimeout(timer);
  }, [text]);
  const found = useQuery({ ...queries.search(api, q, 6), enabled: q !== '', placeholderData: keepPreviousData });
  const hits = (q !== '' && found.data) || [];
  const active = chosen < hits.length ? chosen : -1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (active >= 0 && hits[active]) { openHit(hits[active]); return; }
    if (text.trim()) { setOpen(false); navigate(`/search?q=${encodeURIComponent(text.trim())}`); }
  };
  const openHit = (hit: SearchHit) => { setOpen(false); navigate(`/products/${hit.productId}`); };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setOpen(true); setChosen((a) => Math.min(a + 1, hits.length - 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setChosen((a) => Math.max(a - 1, -1)); }
    else if (event.key === 'Escape') { setOpen(false); setChosen(-1); }
  };
  const showList = open && text.trim().length > 0 && hits.length > 0;

  return (
    <form className="search" role="search" onSubmit={submit}>
      <label htmlFor="search-input" className="visually-hidden">{t('search.label')}</label>
      <input id="search-input" type="search" value={text} placeholder={t('search.placeholder')} autoComplete="off"
        role="combobox" aria-expanded={showList} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => { setText(e.target.value); setOpen(true); setChosen(-1); }} onKeyDown={onKey}
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
