import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, zhCN, type MessageKey } from './messages';

export type Lang = 'en' | 'zh-CN';
export const LANGS: { tag: Lang; label: string }[] = [
  { tag: 'zh-CN', label: '中文' },
  { tag: 'en', label: 'English' },
];

const STORAGE_KEY = 'quarkmall.lang';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** The text of a key made from a service's value ("tracking." + status), else the value itself. */
  known(key: string, fallback: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = lang === 'zh-CN' ? zhCN[key] : en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo<I18n>(() => ({
    lang,
    setLang(next) {
      localStorage.setItem(STORAGE_KEY, next);
      document.documentElement.lang = next;
      setLangState(next);
    },
    t: (key, params) => translate(lang, key, params),
    known: (key, fallback) => (key in en ? translate(lang, key as MessageKey) : fallback),
  }), [lang]);
  document.documentElement.lang = lang;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** A product's name in the reader's language, else Chinese, else the merchant's default. */
export function localName(names: Record<string, string> | undefined, fallback: string, lang: Lang): string {
  if (!names) return fallback;
  return names[lang] ?? names[lang.split('-')[0]] ?? names['zh-CN'] ?? names['en'] ?? fallback;
}

export function formatTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso));
}
