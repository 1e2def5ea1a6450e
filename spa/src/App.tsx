import { useAuth } from './auth';
import { SearchBox } from './components/SearchBox';
import { LANGS, useI18n, type Lang } from './i18n';
import { Link, NavLink, match, useLocation } from './router';
import { CartPage } from './pages/CartPage';
import { HomePage } from './pages/HomePage';
import { OrderPage } from './pages/OrderPage';
import { OrdersPage } from './pages/OrdersPage';
import { PointsPage } from './pages/PointsPage';
import { ProductPage } from './pages/ProductPage';
import { SearchPage } from './pages/SearchPage';
import { ConsolePage } from './pages/console/ConsolePage';

const OPERATOR_ROLES = ['merchant', 'admin'];

function Header() {
  const { t, lang, setLang } = useI18n();
  const auth = useAuth();
  const operator = auth.roles.some((r) => OPERATOR_ROLES.includes(r));
  return (
    <header className="header">
      <div className="header-top">
        <Link to="/" className="brand">{t('app.name')}</Link>
        <SearchBox />
      </div>
      <nav aria-label={t('nav.menu')} className="nav">
        <NavLink to="/cart">{t('nav.cart')}</NavLink>
        <NavLink to="/orders">{t('nav.orders')}</NavLink>
        <NavLink to="/points">{t('nav.points')}</NavLink>
        {operator && <NavLink to="/console">{t('nav.console')}</NavLink>}
        <label className="lang">
          <span className="visually-hidden">{t('nav.language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {LANGS.map((l) => <option key={l.tag} value={l.tag}>{l.label}</option>)}
          </select>
        </label>
        {auth.user ? (
          <button type="button" className="link" onClick={() => auth.signOut()}>
            {t('nav.signOut')} <span className="who">({auth.user.profile.preferred_username})</span>
          </button>
        ) : (
          <button type="button" className="link" disabled={!auth.ready} onClick={() => auth.signIn()}>{t('nav.signIn')}</button>
        )}
      </nav>
    </header>
  );
}

function Page() {
  const { path } = useLocation();
  let params: Record<string, string> | null;
  if (path === '/') return <HomePage />;
  if (path === '/search') return <SearchPage />;
  if ((params = match('/products/:id', path))) return <ProductPage id={Number(params.id)} />;
  if (path === '/cart') return <CartPage />;
  if (path === '/orders') return <OrdersPage />;
  if ((params = match('/orders/:id', path))) return <OrderPage id={Number(params.id)} />;
  if (path === '/points') return <PointsPage />;
  if (path === '/console' || path.startsWith('/console/')) return <ConsolePage path={path} />;
  return <HomePage />;
}

export function App() {
  const { t } = useI18n();
  return (
    <>
      <a href="#main" className="skip">{t('app.skip')}</a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
    </>
  );
}
