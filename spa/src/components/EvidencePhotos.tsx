import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError, newIdempotencyKey, type AfterSalesRequest, type EvidencePhoto } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { fitWithin, needsShrinking, PHOTO_MOST_BYTES, photoPath, photoProblem, photosLeft } from '../orders/photos';
import { queries, useApiClient } from '../queries';

/** Redrawn as a JPEG that fits MOST_PIXELS each way, compressed a little more while it is still too large. */
async function shrink(file: File): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ApiError(415, 'Not a photo', '', 'not-a-photo'); // a picture this browser cannot read (HEIC, SVG, a broken file)
  }
  const { width, height } = fitWithin(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
  for (const quality of [0.85, 0.7, 0.5]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= PHOTO_MOST_BYTES) return blob;
  }
  throw new ApiError(413, 'Photo too large', '', 'photo-size');
}

/** One photo, read with the signed-in user's token (an img cannot send it) and shown as a data: URL. */
function Thumb({ path, label }: { path: string; label: string }) {
  const { t } = useI18n();
  const api = useApiClient();
  const image = useQuery({ queryKey: ['photo', path], queryFn: () => api.dataUrl(path), staleTime: Infinity });
  if (image.error) {
    return <button type="button" className="evidence-photo link" onClick={() => void image.refetch()}>{t('afterSales.photoRetry')}</button>;
  }
  return image.data
    ? <img className="evidence-photo" src={image.data} alt={label} width={96} height={96} />
    : <span className="evidence-photo" role="img" aria-label={label} />;
}

/**
 * The photos the shopper gave with a request: shown at once to the shopper (six at most, of their own request);
 * to a reviewer, whose queue holds many requests, only once asked for.
 */
export function PhotoThumbs({ request, view }: { request: AfterSalesRequest; view: 'shopper' | 'operator' }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(view === 'shopper');
  if (request.photos.length === 0) return null;
  if (!shown) {
    return <button type="button" className="link" onClick={() => setShown(true)}>{t('afterSales.showPhotos', { n: request.photos.length })}</button>;
  }
  return (
    <ul className="evidence-photos" aria-label={t('afterSales.photos')} data-testid="evidence-photos">
      {request.photos.map((photo, i) => (
        <li key={photo.id}><Thumb path={photoPath(view, request, photo.id)} label={t('afterSales.photoAlt', { n: i + 1 })} /></li>
      ))}
    </ul>
  );
}

/**
 * Photos added to an open request, each sent once (its own Idempotency-Key), larger ones shrunk first; one that
 * is refused does not stop the others, and what went wrong is said in the reader's language.
 */
export function AddPhotos({ request }: { request: AfterSalesRequest }) {
  const { t } = useI18n();
  const api = useApiClient();
  const client = useQueryClient();
  const id = useId();
  const left = photosLeft(request);
  const [overLimit, setOverLimit] = useState(false);
  const send = useMutation({
    mutationFn: async (files: File[]) => {
      const problems: string[] = [];
      for (const file of files.slice(0, left)) {
        try {
          const image = needsShrinking(file) ? await shrink(file) : file;
          await api.request<EvidencePhoto>(`/cart-order/orders/${request.orderId}/after-sales/${request.id}/photos`,
            { method: 'POST', body: image, idempotencyKey: newIdempotencyKey() });
        } catch (e) {
          problems.push(photoProblem(e));
        }
      }
      if (problems.length > 0) throw new Error(problems[0]);
    },
    onSettled: () => client.invalidateQueries({ queryKey: queries.orderAfterSales(api, request.orderId).queryKey }),
  });
  if (left === 0) return null;
  return (
    <div className="add-photos">
      <label htmlFor={`${id}-photos`}>{t('afterSales.addPhotos', { left })}</label>
      <input id={`${id}-photos`} name="photos" type="file" accept="image/*" multiple disabled={send.isPending}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          setOverLimit(files.length > left);
          if (files.length > 0) send.mutate(files);
        }} />
      {send.isPending && <p className="muted" role="status">{t('afterSales.photosSending')}</p>}
      {overLimit && <p className="hint" role="alert">{t('afterSales.photosOverLimit', { left })}</p>}
      {send.error && <p className="error" role="alert">{t(`afterSales.photoProblem.${send.error.message}` as MessageKey)}</p>}
    </div>
  );
}
