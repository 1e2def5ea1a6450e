package io.quarkmall.stack;

/**
 * Numbers a sandbox hands out that must never read as a card number: a run of 13 to 19 random digits passes the
 * Luhn check one time in ten, and the PCI scan of the stack's logs, rows and messages would report it.
 */
final class SandboxNumbers {

    private SandboxNumbers() {
    }

    /** {@code digits} and a check digit one off the Luhn digit, so that the whole run fails the Luhn check. */
    static String failingLuhn(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int d = digits.charAt(i) - '0';
            sum += position % 2 == 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        int luhnDigit = (10 - sum % 10) % 10;
        return digits + (luhnDigit + 1) % 10;
    }
}
