import { Suspense } from 'react';
import { Link, Outlet, useMatch } from 'react-router';
import { useAuth } from '../../auth';
import { Loading, RequireSignIn } from '../../components/Status';
import { useI18n } from '../../i18n';

function Tab({ to, active, children }: { to: string; active: boolean; children: string }) {
  return <Link to={to} className={active ? 'tab active' : 'tab'} aria-current={active ? 'page' : undefined}>{children}</Link>;
}

/** The operator console: merchants and admins run their products, stock and orders here. */
export function ConsolePage() {
  const { t } = useI18n();
  const stock = useMatch('/console/stock/*') !== null;
  const orders = useMatch('/console/orders/*') !== null;
  const afterSales = useMatch('/console/after-sales') !== null;
  const coupons = useMatch('/console/coupons/*') !== null;
  const rewards = useMatch('/console/rewards') !== null;
  const lotteries = useMatch('/console/lotteries/*') !== null;
  const rules = useMatch('/console/earning-rules') !== null;
  const payments = useMatch('/console/payments/*') !== null;
  const shipments = useMatch('/console/shipments') !== null;
  const admin = useAuth().roles.includes('admin');
  return (
    <section className="console">
      <h1>{t('console.title')}</h1>
      <RequireSignIn role={['merchant', 'admin']}>
        <nav className="tabs" aria-label={t('console.title')}>
          <Tab to="/console" active={!stock && !orders && !afterSales && !coupons && !rewards && !lotteries && !rules && !payments && !shipments}>{t('console.products')}</Tab>
          <Tab to="/console/stock" active={stock}>{t('console.stock')}</Tab>
          <Tab to="/console/orders" active={orders}>{t('console.orders')}</Tab>
          <Tab to="/console/after-sales" active={afterSales}>{t('console.afterSales')}</Tab>
          <Tab to="/console/coupons" active={coupons}>{t('console.coupons')}</Tab>
          <Tab to="/console/rewards" active={rewards}>{t('console.rewards')}</Tab>
          <Tab to="/console/lotteries" active={lotteries}>{t('console.lotteries')}</Tab>
          <Tab to="/console/earning-rules" active={rules}>{t('console.rules')}</Tab>
          {admin && <Tab to="/console/payments" active={payments}>{t('console.payments')}</Tab>}
          {admin && <Tab to="/console/shipments" active={shipments}>{t('console.shipments')}</Tab>}
        </nav>
        <Suspense fallback={<Loading />}><Outlet /></Suspense>
      </RequireSignIn>
    </section>
  );
}
