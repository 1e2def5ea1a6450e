import { RequireSignIn } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, match } from '../../router';
import { ConsoleOrder, ConsoleOrders } from './ConsoleOrders';
import { ConsoleProducts } from './ConsoleProducts';
import { ConsoleStock } from './ConsoleStock';
import { ProductForm } from './ProductForm';

function Section({ path }: { path: string }) {
  let params: Record<string, string> | null;
  if (path === '/console/products/new') return <ProductForm />;
  if ((params = match('/console/products/:id', path))) return <ProductForm id={Number(params.id)} />;
  if (path === '/console/stock') return <ConsoleStock />;
  if (path === '/console/orders') return <ConsoleOrders />;
  if ((params = match('/console/orders/:id', path))) return <ConsoleOrder id={Number(params.id)} />;
  return <ConsoleProducts />;
}

/** The operator console: merchants and admins run their products, stock and orders here. */
export function ConsolePage({ path }: { path: string }) {
  const { t } = useI18n();
  const tab = (to: string, label: string, active: boolean) => (
    <Link to={to} className={active ? 'tab active' : 'tab'} aria-current={active ? 'page' : undefined}>{label}</Link>
  );
  return (
    <section className="console">
      <h1>{t('console.title')}</h1>
      <RequireSignIn role={['merchant', 'admin']}>
        <nav className="tabs" aria-label={t('console.title')}>
          {tab('/console', t('console.products'), path === '/console' || path.startsWith('/console/products'))}
          {tab('/console/stock', t('console.stock'), path === '/console/stock')}
          {tab('/console/orders', t('console.orders'), path.startsWith('/console/orders'))}
        </nav>
        <Section path={path} />
      </RequireSignIn>
    </section>
  );
}
