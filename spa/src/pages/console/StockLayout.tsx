import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { Loading } from '../../components/Status';
import { useStockText } from './stockMessages';

/** The console's stock area: levels, transfers, alerts, flash sales and analysis, a tab each. */
export function StockLayout() {
  const s = useStockText();
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab active' : 'tab');
  return (
    <>
      <nav className="tabs subtabs" aria-label={s('nav')}>
        <NavLink to="/console/stock" end className={tab}>{s('tab.levels')}</NavLink>
        <NavLink to="/console/stock/transfers" className={tab}>{s('tab.transfers')}</NavLink>
        <NavLink to="/console/stock/alerts" className={tab}>{s('tab.alerts')}</NavLink>
        <NavLink to="/console/stock/flash-sales" className={tab}>{s('tab.flashSales')}</NavLink>
        <NavLink to="/console/stock/analysis" className={tab}>{s('tab.analysis')}</NavLink>
      </nav>
      <Suspense fallback={<Loading />}><Outlet /></Suspense>
    </>
  );
}
