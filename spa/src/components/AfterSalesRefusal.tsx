import type { ApiError } from '../api';
import { useI18n } from '../i18n';
import { problemType } from '../orders/afterSales';
import { ErrorBox } from './Status';

/**
 * Why cart-order refused a refund request or a decision on one: its known refusals (another
 * request open, the window closed, decided already, ...) said in the reader's language with the
 * service's detail below; anything else as the service said it, with {@code retry} when given.
 */
export function AfterSalesRefusal({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { known } = useI18n();
  const type = problemType(error);
  const said = known(`afterSales.refused.${type}`, '');
  if (said === '') return <ErrorBox error={error} retry={retry} />;
  return (
    <div className="error" role="alert" data-problem={type}>
      <strong>{error.title}</strong>
      <p>{said}</p>
      {error.detail && <p className="muted">{error.detail}</p>}
    </div>
  );
}
