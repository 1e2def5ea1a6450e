package io.quarkmall.cartorder.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.common.HybridBinarizer;
import io.quarkmall.cartorder.documents.ShippingDocuments.Item;
import io.quarkmall.cartorder.documents.ShippingDocuments.Parcel;
import io.quarkmall.cartorder.documents.ShippingDocuments.Sender;
import io.quarkmall.cartorder.domain.PostalAddress;
import io.quarkmall.cartorder.domain.ShippingOption;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A parcel's papers read back as a PDF reader reads them (PDFBox: the text, Chinese included) and
 * the label's barcode as a scanner reads it (ZXing, on the page PDFBox draws).
 */
class ShippingDocumentsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:30:00Z");
    private static final PostalAddress HANGZHOU = new PostalAddress("张三", "13900001234", "CN", "浙江省", "杭州市", "西湖区",
            "文三路 478 号", "3 单元 501", "310013", "家");
    private static final Sender SENDER = new Sender("Quarkmall 发货仓 Dispatch", "400-820-0000", "上海市浦东新区 祖冲之路 1 号");

    private static Parcel parcel(String waybill, List<Item> items) {
        return new Parcel(42, NOW.minusSeconds(3600), "sf", waybill, ShippingOption.EXPRESS, 2_400, HANGZHOU, items);
    }

    private static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf);
    }

    @Test
    void the_label_names_carrier_waybill_recipient_and_sender_and_hides_the_phone() throws IOException {
        byte[] label = ShippingDocuments.label(parcel("SF1400329876", List.of(new Item("TEA-250", "绿茶 250g", 2),
                new Item("CUP-1", "茶杯", 1))), SENDER, NOW);
        try (PDDocument pdf = Loader.loadPDF(label)) {
            assertEquals(1, pdf.getNumberOfPages());
            assertEquals(283, Math.round(pdf.getPage(0).getMediaBox().getWidth()), "100 mm wide");
            String text = text(pdf);
            for (String expected : List.of("顺丰速运 SF Express", "SF1400329876", "张三", "139****1234", "浙江省杭州市西湖区",
                    "文三路 478 号 3 单元 501", "310013", "Quarkmall 发货仓 Dispatch", "订单 Order 42", "件数 Pieces 3",
                    "重量 Weight 2.4 kg", "特快专递 Express", "2026-11-29 08:30 UTC")) {
                assertTrue(text.contains(expected), () -> "the label shows " + expected + ":\n" + text);
            }
            assertFalse(text.contains("13900001234"), "the phone is masked");
        }
    }

    @Test
    void the_labels_barcode_scans_as_the_waybill() throws Exception {
        for (String waybill : List.of("SF1400329876", "QM-93562056959", "1Z999AA10123456784")) {
            try (PDDocument pdf = Loader.loadPDF(ShippingDocuments.label(parcel(waybill, List.of(new Item("A", "A", 1))),
                    SENDER, NOW))) {
                BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
                var result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new Gray(page))),
                        Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128),
                                DecodeHintType.TRY_HARDER, Boolean.TRUE));
                assertEquals(waybill, result.getText());
                assertEquals(BarcodeFormat.CODE_128, result.getBarcodeFormat());
            }
        }
    }

    @Test
    void the_packing_list_lists_every_line_over_as_many_pages_as_it_takes() throws IOException {
        List<Item> items = IntStream.rangeClosed(1, 40).mapToObj(i -> new Item("SKU-" + i, "商品 Product " + i, i % 3 + 1))
                .toList();
        try (PDDocument pdf = Loader.loadPDF(ShippingDocuments.packingList(parcel(null, items), NOW))) {
            assertEquals(2, pdf.getNumberOfPages(), "30 lines a page");
            String text = text(pdf);
            assertTrue(text.contains("装箱单 Packing list"));
            assertTrue(text.contains("待分配 not yet assigned"), "no waybill yet");
            assertTrue(text.contains("SKU-1 ") && text.contains("SKU-40") && text.contains("商品 Product 40"), text);
            int pieces = items.stream().mapToInt(Item::quantity).sum();
            assertTrue(text.contains("共 " + pieces + " 件 Total pieces " + pieces), text);
            assertTrue(text.contains("张三, 杭州市") && !text.contains("1390000"), "the recipient, not the phone");
        }
    }

    @Test
    void a_standard_parcel_not_weighed_says_so_and_weights_read_in_kilograms() throws IOException {
        var parcel = new Parcel(7, NOW, "sf", "SF1400329876", ShippingOption.STANDARD, null, HANGZHOU, List.of(new Item("A", "A", 1)));
        try (PDDocument pdf = Loader.loadPDF(ShippingDocuments.label(parcel, SENDER, NOW))) {
            String text = text(pdf);
            assertTrue(text.contains("标准快递 Standard"), text);
            assertFalse(text.contains("重量 Weight"), "no weight printed when none was priced");
        }
        assertEquals("0.75 kg", ShippingDocuments.kilograms(750));
        assertEquals("12 kg", ShippingDocuments.kilograms(12_000));
        assertEquals("0.01 kg", ShippingDocuments.kilograms(5));
    }

    @Test
    void code_128_adds_the_modulo_103_check_symbol() {
        // Start B (104), then P J J 1 2 3 C: 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879 ≡ 55 (mod 103).
        assertEquals(List.of(104, 48, 42, 42, 17, 18, 19, 35, 55, 106), Code128.symbols("PJJ123C"));
        assertEquals(11 * 10 + 2, Code128.modules("PJJ123C").stream().mapToInt(Integer::intValue).sum());
        assertFalse(Code128.encodable("运单"));
        assertFalse(Code128.encodable(""));
    }

    @Test
    void phones_are_masked_and_addresses_laid_out_by_country() {
        assertEquals("139****1234", ShippingDocuments.maskedPhone("13900001234"));
        assertEquals("+44******0958", ShippingDocuments.maskedPhone("+442079460958"));
        assertEquals(List.of("10 Downing St", "London SW1A 2AA", "GB"), ShippingDocuments.addressLines(
                new PostalAddress("Ann", "+442079460958", "GB", null, "London", null, "10 Downing St", null, "SW1A 2AA", null)));
        assertEquals(List.of("浙江省杭州市西湖区", "文三路 478 号 3 单元 501", "310013"), ShippingDocuments.addressLines(HANGZHOU));
        assertEquals(List.of("一二三四", "五六"), ShippingDocuments.wrap(List.of("一二三四五六"), 10, 40));
    }

    /** The rendered page in grey levels, for ZXing. */
    private static final class Gray extends LuminanceSource {
        private final byte[] pixels;

        Gray(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            pixels = new byte[image.getWidth() * image.getHeight()];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    pixels[y * image.getWidth() + x] = (byte) (((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3);
                }
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] into = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
            System.arraycopy(pixels, y * getWidth(), into, 0, getWidth());
            return into;
        }

        @Override
        public byte[] getMatrix() {
            return pixels;
        }
    }
}
