package io.quarkmall.cartorder.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a camera wrote beside the picture is dropped from each kind of photo; the picture itself is kept whole. */
public class PhotoMetadataTest {

    /** A PNG of the given chunks (type and data), between its signature and IEND; the CRCs are not read. */
    public static byte[] png(String... typesAndData) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        for (int i = 0; i < typesAndData.length; i += 2) {
            chunk(out, typesAndData[i], typesAndData[i + 1].getBytes(StandardCharsets.ISO_8859_1));
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes(new byte[4]);
    }

    @Test
    void a_png_loses_its_text_and_exif_chunks_and_keeps_the_picture() {
        byte[] withGps = png("IHDR", "0123456789abc", "tEXt", "Author\0Li Lei", "eXIf", "GPS 31.23N 121.47E", "IDAT", "pixels");
        byte[] clean = PhotoMetadata.stripped("image/png", withGps).orElseThrow();
        assertArrayEquals(png("IHDR", "0123456789abc", "IDAT", "pixels"), clean);
        assertFalse(new String(clean, StandardCharsets.ISO_8859_1).contains("GPS"));
    }

    @Test
    void a_jpeg_loses_its_app1_and_app13_segments_and_keeps_the_scan() {
        byte[] app0 = {(byte) 0xFF, (byte) 0xE0, 0, 6, 'J', 'F', 'I', 'F'};
        byte[] exif = {(byte) 0xFF, (byte) 0xE1, 0, 8, 'E', 'x', 'i', 'f', 0, 0};
        byte[] iptc = {(byte) 0xFF, (byte) 0xED, 0, 4, 'P', 'S'};
        byte[] scan = {(byte) 0xFF, (byte) 0xDA, 0, 2, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        byte[] clean = PhotoMetadata.stripped("image/jpeg", concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, app0, exif, iptc, scan))
                .orElseThrow();
        assertArrayEquals(concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, app0, scan), clean);
    }

    @Test
    void a_webp_loses_its_exif_and_xmp_chunks_their_flags_and_says_its_new_size() {
        byte[] vp8x = webpChunk("VP8X", new byte[] {0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        byte[] picture = webpChunk("VP8 ", new byte[] {1, 2, 3});
        byte[] exif = webpChunk("EXIF", "GPS".getBytes(StandardCharsets.ISO_8859_1));
        byte[] xmp = webpChunk("XMP ", "<x/>".getBytes(StandardCharsets.ISO_8859_1));
        byte[] clean = PhotoMetadata.stripped("image/webp", riff(vp8x, picture, exif, xmp)).orElseThrow();
        byte[] expectedVp8x = webpChunk("VP8X", new byte[10]);
        assertArrayEquals(riff(expectedVp8x, picture), clean);
        assertEquals(clean.length - 8, ByteBuffer.wrap(clean, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    @Test
    void bytes_that_only_start_like_a_photo_are_not_one() {
        assertEquals(Optional.empty(), PhotoMetadata.stripped("image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 99, 'I', 'D', 'A', 'T'}));
        assertEquals(Optional.empty(), PhotoMetadata.stripped("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
        assertEquals(Optional.empty(), PhotoMetadata.stripped("image/gif", png("IHDR", "x")));
        assertTrue(PhotoMetadata.stripped("image/png", png("IHDR", "x")).isPresent());
    }

    @Test
    void a_photo_is_told_by_its_first_bytes() {
        assertEquals(Optional.of("image/png"), PhotoPolicy.mediaTypeOf(png("IHDR", "x")));
        assertEquals(Optional.of("image/jpeg"), PhotoPolicy.mediaTypeOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(Optional.of("image/webp"), PhotoPolicy.mediaTypeOf(riff(webpChunk("VP8 ", new byte[] {1}))));
        assertEquals(Optional.empty(), PhotoPolicy.mediaTypeOf("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), PhotoPolicy.mediaTypeOf(new byte[0]));
    }

    private static byte[] webpChunk(String type, byte[] data) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] riff(byte[]... chunks) {
        byte[] body = concat(chunks);
        var out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length + 4).array());
        out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
