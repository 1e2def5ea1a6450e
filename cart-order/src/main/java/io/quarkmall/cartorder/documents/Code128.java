package io.quarkmall.cartorder.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * A waybill as a Code 128 barcode (code set B: printable ASCII), the symbology carriers scan:
 * start B, one symbol per character, the modulo-103 check symbol, stop. Each symbol is three bars
 * and three spaces, 11 modules wide in all; the stop adds a final bar.
 */
public final class Code128 {

    /** The widths (bar, space, bar, space, bar, space) of symbols 0 to 105, then the stop's seven. */
    private static final String[] SYMBOLS = {
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112"};
    private static final int START_B = 104;
    private static final int STOP = 106;

    private Code128() {
    }

    /** Whether {@code text} can be drawn: 1 to 40 printable ASCII characters. */
    public static boolean encodable(String text) {
        return !text.isEmpty() && text.length() <= 40 && text.chars().allMatch(c -> c >= 32 && c <= 126);
    }

    /** The symbol values: start B, the characters, the check symbol, stop. */
    static List<Integer> symbols(String text) {
        if (!encodable(text)) {
            throw new IllegalArgumentException("Not printable ASCII of 1 to 40 characters: " + text);
        }
        var symbols = new ArrayList<Integer>();
        symbols.add(START_B);
        int check = START_B;
        for (int i = 0; i < text.length(); i++) {
            int value = text.charAt(i) - 32;
            symbols.add(value);
            check += value * (i + 1);
        }
        symbols.add(check % 103);
        symbols.add(STOP);
        return symbols;
    }

    /** Module widths, alternating bar and space and starting with a bar. */
    public static List<Integer> modules(String text) {
        var widths = new ArrayList<Integer>();
        for (int symbol : symbols(text)) {
            SYMBOLS[symbol].chars().forEach(width -> widths.add(width - '0'));
        }
        return widths;
    }

    /** Draws the bars of {@code text}, {@code module} points a module, from (x, y) up {@code height}; its width. */
    public static float draw(Pdf.Page page, String text, float x, float y, float module, float height) {
        float at = x;
        boolean bar = true;
        for (int width : modules(text)) {
            if (bar) {
                page.box(at, y, width * module, height);
            }
            at += width * module;
            bar = !bar;
        }
        return at - x;
    }
}
