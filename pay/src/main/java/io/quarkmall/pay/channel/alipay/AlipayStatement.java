package io.quarkmall.pay.channel.alipay;

import io.quarkmall.pay.channel.PaymentChannel.StatementLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily statement as the Alipay sandbox serves it: a UTF-8 CSV whose first line is the header
 * {@code type,out_trade_no,trade_no,out_request_no,amount,time}, then one {@code payment} line per trade paid
 * that day and one {@code refund} line per refund made that day; amounts in yuan, times in China's time zone.
 * (Alipay's own bill is a zip of GBK CSVs with more columns; only the sandbox's format is read here.)
 * A payment line's reference is our out_trade_no, a refund line's our out_request_no (the refund's reference).
 */
final class AlipayStatement {

    static final String HEADER = "type,out_trade_no,trade_no,out_request_no,amount,time";

    private AlipayStatement() {
    }

    static List<StatementLine> parse(String csv) {
        String[] rows = csv.strip().split("\r?\n");
        if (rows.length == 0 || !rows[0].strip().equals(HEADER)) {
            throw new IllegalArgumentException("Not an Alipay sandbox statement: its header is not " + HEADER);
        }
        List<StatementLine> lines = new ArrayList<>();
        for (int i = 1; i < rows.length; i++) {
            if (!rows[i].isBlank()) {
                lines.add(line(rows[i]));
            }
        }
        return List.copyOf(lines);
    }

    private static StatementLine line(String row) {
        String[] cells = row.split(",", -1);
        if (cells.length != 6) {
            throw new IllegalArgumentException("A statement line has 6 cells: " + row);
        }
        StatementLine.Kind kind = switch (cells[0]) {
            case "payment" -> StatementLine.Kind.PAYMENT;
            case "refund" -> StatementLine.Kind.REFUND;
            default -> throw new IllegalArgumentException("Unknown statement line type: " + cells[0]);
        };
        String reference = kind == StatementLine.Kind.PAYMENT ? cells[1] : cells[3];
        return new StatementLine(reference, cells[2], kind, Yuan.parse(cells[4]), AlipayNotification.chinaTime(cells[5]));
    }
}
