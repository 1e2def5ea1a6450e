import type { Step } from '../api';
import { formatTime, useI18n } from '../i18n';
import type { LiveState } from '../live';
import { stepLabel } from '../orders/timelineStep';

/**
 * The order's steps, oldest first; announced to screen readers as they arrive. The services write
 * their notes in English, so shoppers reading Chinese see the translated step alone (stepLabel); operators
 * ({@code allNotes}) always see the notes. {@code live}: how the page follows the order (null once it is final).
 */
export function Timeline({ steps, live, allNotes = false }: { steps: Step[]; live: LiveState | null; allNotes?: boolean }) {
  const { t, lang } = useI18n();
  const notes = allNotes || lang === 'en';
  return (
    <section className="timeline-box">
      <h2>{t('order.timeline')}</h2>
      {live === 'open' && <p className="live" data-live="open"><span className="dot" aria-hidden="true" />{t('order.live')}</p>}
      {live === 'retrying' && <p className="live reconnecting" data-live="retrying">{t('order.reconnecting')}</p>}
      <ol className="timeline" aria-live="polite" data-testid="timeline">
        {steps.map((step, i) => {
          const label = stepLabel(step, i);
          return (
          <li key={`${step.status}-${i}`} data-status={step.status}>
            <strong>{t(label.key, label.params)}</strong>
            {notes && step.note && <span className="muted"> {step.note}</span>}
            <time dateTime={step.at}>{formatTime(step.at, lang)}</time>
          </li>
          );
        })}
      </ol>
    </section>
  );
}
