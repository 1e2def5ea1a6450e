package io.quarkmall.stack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A one-page 4 × 6 inch PDF label of a few lines of ASCII text, as a label API's sandbox hands out. */
final class SandboxLabelPdf {

    private SandboxLabelPdf() {
    }

    static byte[] of(List<String> lines) {
        var text = new StringBuilder("BT /F1 14 Tf 24 400 Td 18 TL");
        for (String line : lines) {
            text.append(" (").append(line.replaceAll("[^\\x20-\\x7e]", "?").replace("\\", "\\\\").replace("(", "\\(")
                    .replace(")", "\\)")).append(") Tj T*");
        }
        text.append(" ET");
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var pdf = new ByteArrayOutputStream();
        write(pdf, "%PDF-1.4\n");
        var offsets = new ArrayList<Integer>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = pdf.size();
        var table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append("%010d 00000 n \n".formatted(offset)));
        write(pdf, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return pdf.toByteArray();
    }

    private static void write(ByteArrayOutputStream pdf, String text) {
        pdf.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
