package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.domain.ShopperContact.Language;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What a shopper's request says about how to reach them: their verified email address and their language. */
final class ShopperIdentity {

    private ShopperIdentity() {
    }

    /** The token's email address if the identity provider verified it; an unverified one is never emailed. */
    static Optional<String> verifiedEmail(JsonWebToken caller) {
        Object verified = caller.getClaim("email_verified");
        boolean isVerified = verified != null && "true".equals(verified.toString());
        return isVerified ? Optional.ofNullable(caller.<Object>getClaim("email")).map(Object::toString)
                .map(email -> email.replaceAll("^\"|\"$", "")) : Optional.empty();
    }

    /** Chinese if the request's Accept-Language puts a zh tag first, else English. */
    static Language language(HttpHeaders headers) {
        return headers.getAcceptableLanguages().stream().findFirst().map(locale -> Language.of(locale.toLanguageTag()))
                .orElse(Language.EN);
    }
}
