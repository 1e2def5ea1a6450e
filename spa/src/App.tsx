import { lazy, Suspense, type ComponentType } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useParams, type RouteObject } from 'react-router';
import { useAuth } from './auth';
import { SearchBox } from './components/SearchBox';
import { Loading } from './components/Status';
import { LANGS, useI18n, type Lang } from './i18n';
import { useQuery } from '@tanstack/react-query';
import { queries, useApiClient } from './queries';
import { AddressesPage } from './pages/AddressesPage';
import { CartPage } from './pages/CartPage';
import { MessagesPage, UnsubscribePage } from './pages/MessagesPage';
import { HomePage } from './pages/HomePage';
import { OrderPage } from './pages/OrderPage';
import { OrdersPage } from './pages/OrdersPage';
import { PointsPage } from './pages/PointsPage';
import { ProductPage } from './pages/ProductPage';
import { SearchPage } from './pages/SearchPage';
import { ConsolePage } from './pages/console/ConsolePage';

const OPERATOR_ROLES = ['merchant', 'admin'];

/**
 * One page of a module loaded on first use (a chunk of its own); the layout around it shows a
 * loading state meanwhile. The page keeps its own props' type (`any` only bounds it).
 */
function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((pages) => ({ default: pages[name] })));
}

// The console's pages are one chunk (pages/console/pages.ts): shoppers never download them.
const consolePages = () => import('./pages/console/pages');
const ConsoleProducts = lazyPage(consolePages, 'ConsoleProducts');
const ProductForm = lazyPage(consolePages, 'ProductForm');
const ConsoleStock = lazyPage(consolePages, 'ConsoleStock');
const StockLayout = lazyPage(consolePages, 'StockLayout');
const StockSku = lazyPage(consolePages, 'StockSku');
const StockTransfers = lazyPage(consolePages, 'StockTransfers');
const StockAlerts = lazyPage(consolePages, 'StockAlerts');
const ConsoleFlashSales = lazyPage(consolePages, 'ConsoleFlashSales');
const StockAnalysis = lazyPage(consolePages, 'StockAnalysis');
const SkuAnalysisPage = lazyPage(consolePages, 'SkuAnalysisPage');
const ConsoleOrders = lazyPage(consolePages, 'ConsoleOrders');
const ConsoleOrder = lazyPage(consolePages, 'ConsoleOrder');
const ConsoleAfterSales = lazyPage(consolePages, 'ConsoleAfterSales');
const ConsoleShipments = lazyPage(consolePages, 'ConsoleShipments');
const ConsoleCoupons = lazyPage(consolePages, 'ConsoleCoupons');
const CouponTemplateForm = lazyPage(consolePages, 'CouponTemplateForm');
const ConsoleRewards = lazyPage(consolePages, 'ConsoleRewards');
const ConsoleLotteries = lazyPage(consolePages, 'ConsoleLotteries');
const ConsoleLottery = lazyPage(consolePages, 'ConsoleLottery');
const ConsoleEarningRules = lazyPage(consolePages, 'ConsoleEarningRules');
const PaymentsLayout = lazyPage(consolePages, 'PaymentsLayout');
const ConsolePayments = lazyPage(consolePages, 'ConsolePayments');
const ConsolePayment = lazyPage(consolePages, 'ConsolePayment');
const ConsoleRefunds = lazyPage(consolePages, 'ConsoleRefunds');
const ConsoleRiskReviews = lazyPage(consolePages, 'ConsoleRiskReviews');
const ConsoleRiskReview = lazyPage(consolePages, 'ConsoleRiskReview');
const ConsoleReconciliation = lazyPage(consolePages, 'ConsoleReconciliation');
const ConsoleReconciliationReport = lazyPage(consolePages, 'ConsoleReconciliationReport');

// Coupons, the points mall and lotteries are another (pages/loyaltyPages.ts), loaded on the first visit to one of them.
const loyaltyPages = () => import('./pages/loyaltyPages');
const CouponsPage = lazyPage(loyaltyPages, 'CouponsPage');
const PointsMallPage = lazyPage(loyaltyPages, 'PointsMallPage');
const LotteriesPage = lazyPage(loyaltyPages, 'LotteriesPage');
const LotteryPage = lazyPage(loyaltyPages, 'LotteryPage');

// Flash sales are another, loaded on the first visit to one.
const flashSalePages = () => import('./pages/FlashSalePage');
const FlashSalesPage = lazyPage(flashSalePages, 'FlashSalesPage');
const FlashSalePage = lazyPage(flashSalePages, 'FlashSalePage');

/** The message centre, with how many messages are unread. */
function MessagesLink() {
  const { t } = useI18n();
  const unread = useQuery(queries.unreadMessages(useApiClient())).data?.unread ?? 0;
  return (
    <NavLink to="/messages">
      {t('nav.messages')}
      {unread > 0 && (
        <span className="badge off" data-testid="unread-badge">
          {unread}<span className="visually-hidden"> {t('inbox.unread', { n: unread })}</span>
        </span>
      )}
    </NavLink>
  );
}

function Header() {
  const { t, lang, setLang } = useI18n();
  const auth = useAuth();
  const operator = auth.roles.some((r) => OPERATOR_ROLES.includes(r));
  const shopper = auth.user !== null && auth.roles.includes('shopper');
  return (
    <header className="header">
      <div className="header-top">
        <Link to="/" className="brand">{t('app.name')}</Link>
        <SearchBox />
      </div>
      <nav aria-label={t('nav.menu')} className="nav">
        <NavLink to="/flash-sales">{t('flash.title')}</NavLink>
        <NavLink to="/cart">{t('nav.cart')}</NavLink>
        <NavLink to="/orders">{t('nav.orders')}</NavLink>
        <NavLink to="/points">{t('nav.points')}</NavLink>
        <NavLink to="/account/addresses">{t('nav.addresses')}</NavLink>
        {shopper && <MessagesLink />}
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

/** The pages about points: the balance, coupons, the points mall and lotteries, one tab each. */
function PointsLayout() {
  const { t } = useI18n();
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab active' : 'tab');
  return (
    <>
      <nav className="tabs" aria-label={t('nav.points')}>
        <NavLink to="/points" end className={tab}>{t('points.title')}</NavLink>
        <NavLink to="/coupons" className={tab}>{t('nav.coupons')}</NavLink>
        <NavLink to="/mall" className={tab}>{t('mall.title')}</NavLink>
        <NavLink to="/lotteries" className={tab}>{t('lottery.title')}</NavLink>
      </nav>
      <Suspense fallback={<Loading />}><Outlet /></Suspense>
    </>
  );
}

function Layout() {
  const { t } = useI18n();
  return (
    <>
      <a href="#main" className="skip">{t('app.skip')}</a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <ScrollRestoration />
    </>
  );
}

/** A page that broke while rendering: said inside the layout, so the header stays usable. */
function PageError() {
  const { t } = useI18n();
  return <p className="error" role="alert">{t('error.title')}</p>;
}

/** The path's number parameter (a product's or an order's id). */
function useIdParam(): number {
  return Number(useParams().id);
}

function Product() { return <ProductPage id={useIdParam()} />; }
function Order() { return <OrderPage id={useIdParam()} />; }
function EditProduct() { const id = useIdParam(); return <ProductForm key={id} id={id} />; }
function LotteryOne() { return <LotteryPage id={useIdParam()} />; }
function FlashSaleOne() { const id = useIdParam(); return <Suspense fallback={<Loading />}><FlashSalePage key={id} id={id} /></Suspense>; }
function FlashSales() { return <Suspense fallback={<Loading />}><FlashSalesPage /></Suspense>; }
function OperatorLottery() { return <ConsoleLottery id={useIdParam()} />; }
function OperatorOrder() { return <ConsoleOrder id={useIdParam()} />; }
function OperatorSkuStock() { const sku = useParams().sku ?? ''; return <StockSku key={sku} sku={sku} />; }
function OperatorPayment() { const id = useIdParam(); return <ConsolePayment key={id} id={id} />; }
function OperatorRiskReview() { const id = useIdParam(); return <ConsoleRiskReview key={id} id={id} />; }
function OperatorReconciliationReport() { return <ConsoleReconciliationReport id={useIdParam()} />; }
function OperatorSkuAnalysis() { const sku = useParams().sku ?? ''; return <SkuAnalysisPage key={sku} sku={sku} />; }

/** Every page of the shop and the console; an unknown path shows the home page (the console's, below /console). */
export const routes: RouteObject[] = [{
  element: <Layout />,
  children: [{
    errorElement: <PageError />,
    children: [
      { id: 'home', index: true, element: <HomePage /> },
      { id: 'search', path: 'search', element: <SearchPage /> },
      { id: 'product', path: 'products/:id', element: <Product /> },
      { id: 'cart', path: 'cart', element: <CartPage /> },
      { id: 'orders', path: 'orders', element: <OrdersPage /> },
      { id: 'flash-sales', path: 'flash-sales', element: <FlashSales /> },
      { id: 'flash-sale', path: 'flash-sales/:id', element: <FlashSaleOne /> },
      { id: 'order', path: 'orders/:id', element: <Order /> },
      { id: 'addresses', path: 'account/addresses', element: <AddressesPage /> },
      { id: 'messages', path: 'messages', element: <MessagesPage /> },
      { id: 'unsubscribe', path: 'unsubscribe', element: <UnsubscribePage /> },
      {
        element: <PointsLayout />,
        children: [
          { id: 'points', path: 'points', element: <PointsPage /> },
          { id: 'coupons', path: 'coupons', element: <CouponsPage /> },
          { id: 'mall', path: 'mall', element: <PointsMallPage /> },
          { id: 'lotteries', path: 'lotteries', element: <LotteriesPage /> },
          { id: 'lottery', path: 'lotteries/:id', element: <LotteryOne /> },
        ],
      },
      {
        path: 'console',
        element: <ConsolePage />,
        children: [
          { id: 'console-products', index: true, element: <ConsoleProducts /> },
          { id: 'console-new-product', path: 'products/new', element: <ProductForm /> },
          { id: 'console-product', path: 'products/:id', element: <EditProduct /> },
          {
            path: 'stock',
            element: <StockLayout />,
            children: [
              { id: 'console-stock', index: true, element: <ConsoleStock /> },
              { id: 'console-stock-sku', path: 'skus/:sku', element: <OperatorSkuStock /> },
              { id: 'console-transfers', path: 'transfers', element: <StockTransfers /> },
              { id: 'console-stock-alerts', path: 'alerts', element: <StockAlerts /> },
              { id: 'console-flash-sales', path: 'flash-sales', element: <ConsoleFlashSales /> },
              { id: 'console-analysis', path: 'analysis', element: <StockAnalysis /> },
              { id: 'console-sku-analysis', path: 'analysis/:sku', element: <OperatorSkuAnalysis /> },
            ],
          },
          { id: 'console-orders', path: 'orders', element: <ConsoleOrders /> },
          { id: 'console-order', path: 'orders/:id', element: <OperatorOrder /> },
          { id: 'console-after-sales', path: 'after-sales', element: <ConsoleAfterSales /> },
          { id: 'console-shipments', path: 'shipments', element: <ConsoleShipments /> },
          { id: 'console-coupons', path: 'coupons', element: <ConsoleCoupons /> },
          { id: 'console-new-coupon-template', path: 'coupons/new', element: <CouponTemplateForm /> },
          { id: 'console-rewards', path: 'rewards', element: <ConsoleRewards /> },
          { id: 'console-earning-rules', path: 'earning-rules', element: <ConsoleEarningRules /> },
          { id: 'console-lotteries', path: 'lotteries', element: <ConsoleLotteries /> },
          { id: 'console-lottery', path: 'lotteries/:id', element: <OperatorLottery /> },
          {
            path: 'payments',
            element: <PaymentsLayout />,
            children: [
              { id: 'console-payments', index: true, element: <ConsolePayments /> },
              { id: 'console-refunds', path: 'refunds', element: <ConsoleRefunds /> },
              { id: 'console-risk-reviews', path: 'reviews', element: <ConsoleRiskReviews /> },
              { id: 'console-risk-review', path: 'reviews/:id', element: <OperatorRiskReview /> },
              { id: 'console-reconciliation', path: 'reconciliation', element: <ConsoleReconciliation /> },
              { id: 'console-reconciliation-report', path: 'reconciliation/:id', element: <OperatorReconciliationReport /> },
              { id: 'console-payment', path: ':id', element: <OperatorPayment /> },
            ],
          },
          { id: 'console-other', path: '*', element: <ConsoleProducts /> },
        ],
      },
      { id: 'other', path: '*', element: <HomePage /> },
    ],
  }],
}];
