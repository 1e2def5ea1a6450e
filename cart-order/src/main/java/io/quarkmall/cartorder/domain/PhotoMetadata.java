package io.quarkmall.cartorder.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.Set;

/**
 * A photo without what its camera wrote beside the picture (the place it was taken, the camera's serial, the
 * owner's name): a JPEG without its APP1 (Exif, XMP) and APP13 (IPTC) segments, a PNG without its eXIf and text
 * chunks, a WebP without its EXIF and XMP chunks. Empty for bytes that are not a well-formed image of its type.
 */
public final class PhotoMetadata {

    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "iTXt", "zTXt");
    private static final Set<String> WEBP_DROPPED = Set.of("EXIF", "XMP ");

    private PhotoMetadata() {
    }

    public static Optional<byte[]> stripped(String mediaType, byte[] image) {
        try {
            return Optional.ofNullable(switch (mediaType) {
                case "image/jpeg" -> jpeg(image);
                case "image/png" -> png(image);
                case "image/webp" -> webp(image);
                default -> null;
            });
        } catch (IndexOutOfBoundsException | Malformed e) {
            return Optional.empty();
        }
    }

    /** Bytes that break their format's structure: never leaves this class (the photo is then none). */
    private static final class Malformed extends RuntimeException {
        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    /** Segments up to the start of the scan, each kept but APP1 and APP13; the scan and what follows as they are. */
    private static byte[] jpeg(byte[] image) {
        var out = new ByteArrayOutputStream(image.length);
        out.write(image, 0, 2);
        int at = 2;
        while (true) {
            if ((image[at] & 0xFF) != 0xFF) {
                throw new Malformed("not a JPEG marker at " + at);
            }
            int marker = image[at + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                out.write(image, at, image.length - at);
                return out.toByteArray();
            }
            int length = ((image[at + 2] & 0xFF) << 8) | (image[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > image.length) {
                throw new Malformed("a JPEG segment runs past the end");
            }
            if (marker != 0xE1 && marker != 0xED) {
                out.write(image, at, 2 + length);
            }
            at += 2 + length;
        }
    }

    /** The signature, then every chunk but the metadata ones, up to IEND. */
    private static byte[] png(byte[] image) {
        var out = new ByteArrayOutputStream(image.length);
        out.write(image, 0, 8);
        int at = 8;
        while (at < image.length) {
            int length = ByteBuffer.wrap(image, at, 4).getInt();
            String type = new String(image, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int whole = 12 + length;
            if (length < 0 || at + whole > image.length) {
                throw new Malformed("a PNG chunk runs past the end");
            }
            if (!PNG_DROPPED.contains(type)) {
                out.write(image, at, whole);
            }
            at += whole;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
        throw new Malformed("a PNG without IEND");
    }

    /** The RIFF header (its size rewritten), every chunk but EXIF and XMP, and VP8X's flags for them cleared. */
    private static byte[] webp(byte[] image) {
        var out = new ByteArrayOutputStream(image.length);
        out.write(image, 0, 12);
        int at = 12;
        while (at + 8 <= image.length) {
            String type = new String(image, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int size = ByteBuffer.wrap(image, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int whole = 8 + size + (size & 1);
            if (size < 0 || at + 8 + size > image.length) {
                throw new Malformed("a WebP chunk runs past the end");
            }
            if (!WEBP_DROPPED.contains(type)) {
                int start = out.size();
                out.write(image, at, Math.min(whole, image.length - at));
                if (type.equals("VP8X")) {
                    byte[] sofar = out.toByteArray();
                    sofar[start + 8] &= (byte) ~0x0C; // the EXIF (0x08) and XMP (0x04) flags
                    out.reset();
                    out.write(sofar, 0, sofar.length);
                }
            }
            at += whole;
        }
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(result.length - 8);
        return result;
    }
}
