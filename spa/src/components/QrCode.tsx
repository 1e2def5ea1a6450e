import { useEffect, useState } from 'react';
import { Loading } from './Status';

/**
 * A QR code of {@code content}, drawn in the browser by the qrcode library (a chunk of its own,
 * loaded with the first QR code) as a PNG data URL.
 */
export function QrCode({ content, label }: { content: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setSrc(null);
    void import('qrcode')
      .then((qr) => qr.toDataURL(content, { margin: 2, width: 232, errorCorrectionLevel: 'M' }))
      .then((url) => { if (current) setSrc(url); });
    return () => { current = false; };
  }, [content]);
  return src ? <img className="qr" src={src} alt={label} width={232} height={232} data-testid="pay-qr" /> : <Loading />;
}
