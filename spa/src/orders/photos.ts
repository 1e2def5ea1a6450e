/**
 * Photos as after-sales evidence, as cart-order takes them: a JPEG, PNG or WebP of at most 1,000,000 bytes, at
 * most six a request, while the request is open. A larger photo (or another type) is redrawn as a JPEG no wider
 * or taller than MOST_PIXELS before it is sent.
 */
export const PHOTO_MOST_BYTES = 1_000_000;
export const PHOTOS_PER_REQUEST = 6;
export const MOST_PIXELS = 1600;
const SENT_AS_IS = ['image/jpeg', 'image/png', 'image/webp'];
const OPEN = ['REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'APPROVED'];

/** Whether the file goes as it is, or is redrawn smaller first. */
export function needsShrinking(file: { size: number; type: string }): boolean {
  return file.size > PHOTO_MOST_BYTES || !SENT_AS_IS.includes(file.type);
}

/** The size a picture of {@code width} × {@code height} is drawn at to fit {@code most} pixels each way. */
export function fitWithin(width: number, height: number, most = MOST_PIXELS): { width: number; height: number } {
  const scale = Math.min(1, most / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** How many more photos the request takes now: none once it is closed or has six. */
export function photosLeft(request: { status: string; photos: unknown[] }): number {
  return OPEN.includes(request.status) ? Math.max(0, PHOTOS_PER_REQUEST - request.photos.length) : 0;
}

/** Where a photo's image is read: the shopper's own path, or the reviewer's. */
export function photoPath(view: 'shopper' | 'operator', request: { id: number; orderId: number }, photoId: number): string {
  return view === 'shopper'
    ? `/cart-order/orders/${request.orderId}/after-sales/${request.id}/photos/${photoId}`
    : `/cart-order/operator/after-sales/${request.id}/photos/${photoId}`;
}

const PROBLEMS = ['not-a-photo', 'photo-size', 'too-many-photos', 'after-sales-closed'];

/** What went wrong with one photo, as a code the SPA has words for: one of cart-order's, else "failed". */
export function photoProblem(error: unknown): string {
  const type = (error as { type?: unknown } | null)?.type;
  const code = typeof type === 'string' ? type.slice(type.lastIndexOf('/') + 1) : '';
  return PROBLEMS.includes(code) ? code : 'failed';
}
