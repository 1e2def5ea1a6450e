package io.quarkmall.cartorder.documents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PDF 1.4 of pages holding text and filled rectangles, written without a library. Text is set in
 * STSong-Light, one of the CJK fonts every PDF reader brings (no font is embedded), through the
 * predefined UniGB-UCS2-H CMap: Chinese, Latin and digits in one font, a character as its UTF-16
 * code unit. Characters beyond the Basic Multilingual Plane print as "?".
 */
public final class Pdf {

    /** Page sizes in points (1/72 inch). */
    public record Size(float width, float height) {
        public static final Size A4 = new Size(595, 842);
        /** A 100 × 150 mm thermal shipping label. */
        public static final Size LABEL = new Size(283, 425);
    }

    private final List<Page> pages = new ArrayList<>();

    /** A page to draw on; x and y are from its bottom-left corner, in points. */
    public Page page(Size size) {
        Page page = new Page(size);
        pages.add(page);
        return page;
    }

    public static final class Page {
        private final Size size;
        private final StringBuilder content = new StringBuilder();

        private Page(Size size) {
            this.size = size;
        }

        public Page text(float x, float y, float fontSize, String text) {
            content.append("BT /F1 ").append(number(fontSize)).append(" Tf ").append(number(x)).append(' ')
                    .append(number(y)).append(" Td <").append(ucs2(text)).append("> Tj ET\n");
            return this;
        }

        /** A filled black rectangle. */
        public Page box(float x, float y, float width, float height) {
            content.append(number(x)).append(' ').append(number(y)).append(' ').append(number(width)).append(' ')
                    .append(number(height)).append(" re f\n");
            return this;
        }

        /** A line {@code thickness} thick from (x1, y) to (x2, y). */
        public Page rule(float x1, float x2, float y, float thickness) {
            return box(x1, y - thickness / 2, x2 - x1, thickness);
        }

        public Size size() {
            return size;
        }
    }

    /** Roughly how wide {@code text} is set at {@code fontSize}: Latin half an em, anything else a whole one. */
    public static float width(String text, float fontSize) {
        float ems = 0;
        for (int i = 0; i < text.length(); i++) {
            ems += text.charAt(i) < 0x80 ? 0.5f : 1f;
        }
        return ems * fontSize;
    }

    public byte[] bytes() {
        var objects = new ArrayList<String>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add(null); // the page tree, once the pages have numbers
        objects.add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                + "/DescendantFonts [4 0 R] >>");
        objects.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R "
                + "/DW 1000 /W [1 95 500] >>");
        objects.add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
                + "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
        var kids = new StringBuilder();
        for (Page page : pages) {
            byte[] stream = page.content.toString().getBytes(StandardCharsets.US_ASCII);
            objects.add("<< /Length " + stream.length + " >>\nstream\n" + page.content + "endstream");
            int contents = objects.size();
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(page.size.width()) + " "
                    + number(page.size.height()) + "] /Resources << /Font << /F1 3 0 R >> >> /Contents "
                    + contents + " 0 R >>");
            kids.append(objects.size()).append(" 0 R ");
        }
        objects.set(1, "<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pages.size() + " >>");
        return write(objects);
    }

    private static byte[] write(List<String> objects) {
        var out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        long xref = out.size();
        var table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    /** Content and structure are ASCII; the binary comment's four bytes are written as Latin-1. */
    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String ucs2(String text) {
        var hex = new StringBuilder(text.length() * 4);
        text.codePoints().forEach(c -> hex.append(String.format(Locale.ROOT, "%04X",
                c > 0xFFFF || Character.isISOControl(c) ? '?' : c)));
        return hex.toString();
    }

    private static String number(float value) {
        return value == Math.rint(value) ? Integer.toString((int) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
