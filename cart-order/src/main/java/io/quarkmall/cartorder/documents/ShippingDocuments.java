package io.quarkmall.cartorder.documents;

import io.quarkmall.cartorder.domain.PostalAddress;
import io.quarkmall.cartorder.domain.ShippingOption;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parcel's papers, in Chinese and English: the shipping label (the carrier's name, the waybill as
 * a Code 128 barcode and in figures, whom it goes to and from whom) and the packing list (what goes
 * into the box, to pick and to check). The label shows the recipient's phone masked, as Chinese
 * carriers' privacy waybills do: the courier calls through the carrier.
 */
public final class ShippingDocuments {

    /** What is packed: one line of the order. */
    public record Item(String sku, String productName, int quantity) {}

    /** Who sends the parcel, as printed on its label. */
    public record Sender(String name, String phone, String address) {}

    /**
     * One parcel: its order, the carrier's code and waybill (null before booking), the delivery service, the weight
     * it was priced by (null: not weighed), where it goes, what is in it.
     */
    public record Parcel(long orderId, Instant placedAt, String carrier, String trackingNumber, ShippingOption service,
                         Integer weightGrams, PostalAddress to, List<Item> items) {

        int pieces() {
            return items.stream().mapToInt(Item::quantity).sum();
        }
    }

    private static final Map<String, String> CARRIER_NAMES = Map.of(
            "sf", "顺丰速运 SF Express",
            "kd100", "快递100 Kuaidi100",
            "easypost", "EasyPost",
            "sandbox-express", "沙箱快递 Sandbox Express");
    private static final Map<ShippingOption, String> SERVICE_NAMES = Map.of(
            ShippingOption.STANDARD, "标准快递 Standard",
            ShippingOption.EXPRESS, "特快专递 Express");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final float MARGIN = 14;
    private static final int LINES_PER_PAGE = 30;

    private ShippingDocuments() {
    }

    public static byte[] label(Parcel parcel, Sender sender, Instant printedAt) {
        return labels(List.of(parcel), sender, printedAt);
    }

    /** One label a page, in the order given: a warehouse prints a batch at once. */
    public static byte[] labels(List<Parcel> parcels, Sender sender, Instant printedAt) {
        var pdf = new Pdf();
        parcels.forEach(parcel -> drawLabel(pdf.page(Pdf.Size.LABEL), parcel, sender, printedAt));
        return pdf.bytes();
    }

    private static void drawLabel(Pdf.Page page, Parcel parcel, Sender sender, Instant printedAt) {
        float width = page.size().width() - 2 * MARGIN;
        float y = page.size().height() - 30;
        page.text(MARGIN, y, 14, carrierName(parcel.carrier()));
        String service = SERVICE_NAMES.get(parcel.service());
        page.text(MARGIN + width - Pdf.width(service, 9), y + 2, 9, service);
        page.rule(MARGIN, MARGIN + width, y - 10, 1.2f);

        if (Code128.encodable(parcel.trackingNumber())) {
            int modules = Code128.modules(parcel.trackingNumber()).stream().mapToInt(Integer::intValue).sum();
            float module = Math.min(1.6f, width / modules);
            Code128.draw(page, parcel.trackingNumber(), MARGIN + (width - modules * module) / 2, y - 84, module, 62);
        }
        page.text(MARGIN + (width - Pdf.width(parcel.trackingNumber(), 12)) / 2, y - 100, 12, parcel.trackingNumber());
        page.rule(MARGIN, MARGIN + width, y - 110, 1.2f);

        y -= 126;
        page.text(MARGIN, y, 8, "收件人 To");
        PostalAddress to = parcel.to();
        page.text(MARGIN, y - 16, 13, to.recipient() + "  " + maskedPhone(to.phone()));
        y -= 32;
        for (String line : wrap(addressLines(to), 10, width)) {
            page.text(MARGIN, y, 10, line);
            y -= 13;
        }
        page.rule(MARGIN, MARGIN + width, y, 0.6f);

        y -= 14;
        page.text(MARGIN, y, 8, "寄件人 From");
        page.text(MARGIN, y - 13, 9, sender.name() + "  " + sender.phone());
        y -= 26;
        for (String line : wrap(List.of(sender.address()), 9, width)) {
            page.text(MARGIN, y, 9, line);
            y -= 12;
        }
        page.rule(MARGIN, MARGIN + width, y, 0.6f);

        page.text(MARGIN, y - 16, 10, "订单 Order " + parcel.orderId() + "   件数 Pieces " + parcel.pieces()
                + (parcel.weightGrams() == null ? "" : "   重量 Weight " + kilograms(parcel.weightGrams())));
        page.text(MARGIN, y - 30, 8, "打印 Printed " + WHEN.format(printedAt));
        page.text(MARGIN, 14, 7, "Quarkmall");
    }

    public static byte[] packingList(Parcel parcel, Instant printedAt) {
        var pdf = new Pdf();
        List<Item> items = parcel.items();
        int pages = Math.max(1, (items.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
        for (int number = 0; number < pages; number++) {
            var page = pdf.page(Pdf.Size.A4);
            float left = 50;
            float y = page.size().height() - 60;
            page.text(left, y, 18, "装箱单 Packing list");
            page.text(left + 330, y, 9, "第 " + (number + 1) + " / " + pages + " 页 Page");
            page.text(left, y - 26, 11, "订单 Order " + parcel.orderId() + "    下单 Placed " + WHEN.format(parcel.placedAt()));
            PostalAddress to = parcel.to();
            page.text(left, y - 44, 11, "收件人 Ship to " + (to == null ? "-" : to.recipient() + ", " + to.city()));
            page.text(left, y - 62, 11, "运单 Waybill " + (parcel.trackingNumber() == null ? "待分配 not yet assigned"
                    : parcel.trackingNumber() + " (" + carrierName(parcel.carrier()) + ")"));
            y -= 96;
            page.text(left, y, 10, "SKU");
            page.text(left + 150, y, 10, "商品 Product");
            page.text(left + 440, y, 10, "数量 Qty");
            page.rule(left, left + 495, y - 6, 0.8f);
            y -= 22;
            int from = number * LINES_PER_PAGE;
            for (Item item : items.subList(from, Math.min(items.size(), from + LINES_PER_PAGE))) {
                page.text(left, y, 10, fit(item.sku(), 10, 140));
                page.text(left + 150, y, 10, fit(item.productName(), 10, 280));
                page.text(left + 440, y, 10, Integer.toString(item.quantity()));
                y -= 18;
            }
            page.rule(left, left + 495, y + 8, 0.8f);
            if (number == pages - 1) {
                page.text(left, y - 12, 11, "共 " + parcel.pieces() + " 件 Total pieces " + parcel.pieces());
                page.text(left, y - 50, 10, "拣货 Picked by ____________      复核 Checked by ____________");
            }
            page.text(left, 40, 8, "打印 Printed " + WHEN.format(printedAt) + "  |  Quarkmall");
        }
        return pdf.bytes();
    }

    /** Grams as kilograms to two places at most: 2400 is "2.4 kg", 750 "0.75 kg". */
    static String kilograms(int grams) {
        return BigDecimal.valueOf(grams, 3).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + " kg";
    }

    static String carrierName(String carrier) {
        return carrier == null ? "快递 Carrier" : CARRIER_NAMES.getOrDefault(carrier, carrier.toUpperCase(Locale.ROOT));
    }

    /** All but the first three and the last four digits hidden: 13900001234 → 139****1234. */
    static String maskedPhone(String phone) {
        if (phone == null || phone.length() < 8) {
            return phone == null ? "" : phone;
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** China's order (province, city, district, street) or the international one (street, city, region, country). */
    static List<String> addressLines(PostalAddress to) {
        var lines = new ArrayList<String>();
        if ("CN".equals(to.country())) {
            lines.add(join("", to.province(), to.city(), to.district()));
            lines.add(join(" ", to.line1(), to.line2()));
            lines.add(join(" ", to.postcode()));
        } else {
            lines.add(join(" ", to.line1(), to.line2()));
            lines.add(join(" ", to.city(), to.province(), to.postcode()));
            lines.add(to.country());
        }
        lines.removeIf(String::isBlank);
        return lines;
    }

    private static String join(String separator, String... parts) {
        var kept = new ArrayList<String>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part.strip());
            }
        }
        return String.join(separator, kept);
    }

    /** Lines broken wherever they would run past {@code maxWidth}. */
    static List<String> wrap(List<String> lines, float fontSize, float maxWidth) {
        var wrapped = new ArrayList<String>();
        for (String line : lines) {
            var current = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                if (Pdf.width(current.toString() + line.charAt(i), fontSize) > maxWidth) {
                    wrapped.add(current.toString());
                    current.setLength(0);
                }
                current.append(line.charAt(i));
            }
            wrapped.add(current.toString());
        }
        return wrapped;
    }

    private static String fit(String text, float fontSize, float maxWidth) {
        if (Pdf.width(text, fontSize) <= maxWidth) {
            return text;
        }
        var cut = new StringBuilder(text);
        while (cut.length() > 0 && Pdf.width(cut + "...", fontSize) > maxWidth) {
            cut.setLength(cut.length() - 1);
        }
        return cut + "...";
    }
}
