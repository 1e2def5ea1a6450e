import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { newIdempotencyKey, type WarehouseStock } from '../../api';
import { ErrorBox } from '../../components/Status';
import { asApiError, keys, useApiClient } from '../../queries';
import { useStockText } from './stockMessages';

type Outcome = 'RELEASE' | 'WRITE_OFF';

/**
 * Returned units in quarantine at one warehouse, once inspected: so many released onto the shelf or
 * written off, with a note kept on the movement. A retry of the same decision reuses its Idempotency-Key.
 */
export function QuarantineDecision({ sku, warehouse, quarantined }: { sku: string; warehouse: string; quarantined: number }) {
  const s = useStockText();
  const api = useApiClient();
  const client = useQueryClient();
  const [units, setUnits] = useState('1');
  const [note, setNote] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<{ outcome: Outcome; units: number } | null>(null);
  const decide = useMutation({
    mutationFn: (outcome: Outcome) => api.request<WarehouseStock>(
      `/stock/levels/${encodeURIComponent(sku)}/${encodeURIComponent(warehouse)}/quarantine-decisions`,
      { method: 'POST', idempotencyKey: key, body: { outcome, units: Number(units), note: note.trim() || undefined } }),
    onSuccess: async (_, outcome) => {
      setDone({ outcome, units: Number(units) });
      setKey(newIdempotencyKey());
      setNote('');
      await Promise.all([client.invalidateQueries({ queryKey: keys.stock }), client.invalidateQueries({ queryKey: keys.availability })]);
    },
  });
  const valid = /^[1-9]\d{0,8}$/.test(units.trim()) && Number(units) <= quarantined;
  const change = (set: () => void) => { set(); setKey(newIdempotencyKey()); setDone(null); decide.reset(); };
  return (
    <div className="quarantine-decision">
      <label>
        <span className="visually-hidden">{s('quarantine.units', { warehouse })}</span>
        <input name="quarantineUnits" inputMode="numeric" value={units} aria-invalid={!valid}
          onChange={(e) => change(() => setUnits(e.target.value))} />
      </label>
      <label>
        <span className="visually-hidden">{s('quarantine.note')}</span>
        <input name="quarantineNote" maxLength={170} placeholder={s('quarantine.note')} value={note}
          onChange={(e) => change(() => setNote(e.target.value))} />
      </label>
      <button type="button" disabled={!valid || decide.isPending} onClick={() => decide.mutate('RELEASE')}>{s('quarantine.release')}</button>
      <button type="button" disabled={!valid || decide.isPending} onClick={() => decide.mutate('WRITE_OFF')}>{s('quarantine.writeOff')}</button>
      {done && <span className="ok" role="status">
        {s(done.outcome === 'RELEASE' ? 'quarantine.released' : 'quarantine.writtenOff', { units: done.units })}</span>}
      {decide.error && <ErrorBox error={asApiError(decide.error)} />}
    </div>
  );
}
