package io.quarkmall.cartorder.service;

import io.quarkmall.cartorder.config.NoticeConfig;
import io.quarkmall.cartorder.domain.ShopperContact;
import io.quarkmall.cartorder.domain.ShopperContact.Language;
import io.quarkmall.cartorder.domain.ShopperMessage;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Currency;
import java.util.ResourceBundle;

/**
 * The email of a message, in the shopper's language (notices/notices*.properties): a subject and a
 * body naming the order and the money, a link to the order page, and a link that unsubscribes in one
 * step, also given as List-Unsubscribe (one-click, RFC 8058) for mail programs.
 */
@ApplicationScoped
public class NoticeMails {

    private final NoticeConfig config;

    NoticeMails(NoticeConfig config) {
        this.config = config;
    }

    public Mail of(ShopperMessage message, ShopperContact contact, String address) {
        Language language = contact.language();
        var texts = ResourceBundle.getBundle("notices/notices", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] args = {Long.toString(message.orderId()), message.amountMinor().map(a -> money(a, message.currency(), language)).orElse("")};
        String storefront = config.storefrontUrl().toString().replaceAll("/+$", "");
        String orderPage = storefront + "/orders/" + message.orderId();
        String unsubscribePage = storefront + "/unsubscribe?token=" + contact.unsubscribeToken();
        String oneClick = storefront + "/api/cart-order/notifications/unsubscribe?token=" + contact.unsubscribeToken();
        String body = format(texts, message.notice() + ".body", language, args) + "\n\n"
                + format(texts, "footer", language, new Object[] {orderPage, unsubscribePage}) + "\n";
        return Mail.withText(address, format(texts, message.notice() + ".subject", language, args), body)
                .addHeader("List-Unsubscribe", "<" + oneClick + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Content-Language", language.tag());
    }

    private static String format(ResourceBundle texts, String key, Language language, Object[] args) {
        return new MessageFormat(texts.getString(key), language.locale()).format(args);
    }

    /** ¥12.34 in Chinese, CN¥12.34 in English: the currency's own minor units. */
    static String money(long amountMinor, String currency, Language language) {
        var unit = Currency.getInstance(currency);
        return unit.getSymbol(language.locale()) + BigDecimal.valueOf(amountMinor, Math.max(0, unit.getDefaultFractionDigits())).toPlainString();
    }
}
