package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.domain.Notice;
import io.quarkmall.cartorder.domain.ShopperContact.Language;
import io.quarkmall.cartorder.domain.ShopperMessage;
import io.quarkmall.cartorder.service.ContactBook;
import io.quarkmall.cartorder.service.ContactBook.Settings;
import io.quarkmall.cartorder.service.MessageCentre;
import io.quarkmall.common.idempotency.IdempotentByContent;
import io.quarkmall.common.money.Money;
import io.quarkmall.common.web.Paging;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The calling shopper's message centre (one message per step of their orders they are told of,
 * newest first; another shopper's message is 404) and their notification settings; and the
 * unsubscribe link every email carries, which works without signing in.
 */
@Path("/")
public class MessageResource {

    @Inject
    JsonWebToken caller;
    @Inject
    ContactBook contacts;
    @Inject
    MessageCentre centre;
    @Context
    HttpHeaders headers;

    @Schema(description = "A message: what happened (notice, a code the storefront words in the reader's language) to "
            + "which order, with the money it moved if any")
    public record MessageView(long id, long orderId, Notice notice, Money amount, Instant createdAt, boolean read) {
        static MessageView of(ShopperMessage message) {
            return new MessageView(message.id(), message.orderId(), message.notice(),
                    message.amountMinor().map(a -> new Money(a, message.currency())).orElse(null), message.createdAt(),
                    message.readAt().isPresent());
        }
    }

    public record UnreadView(long unread) {}

    public record ReadView(int marked) {}

    @Schema(description = "Notification settings: email on or off, the address emails go to (from the caller's identity; "
            + "absent if it gives none), and the language messages are written in")
    public record SettingsView(boolean email, String emailAddress,
                               @Schema(enumeration = {"zh-CN", "en"}) String language) {
        static SettingsView of(Settings settings) {
            return new SettingsView(settings.email(), settings.emailAddress().orElse(null), settings.language().tag());
        }

        /** For one who holds only a link: not the address. */
        SettingsView withoutAddress() {
            return new SettingsView(email, null, language);
        }
    }

    @Schema(description = "Notification settings to keep", requiredProperties = {"email", "language"})
    public record SettingsChange(@NotNull Boolean email,
                                 @NotNull @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en")
                                 @Schema(enumeration = {"zh-CN", "en"}) String language) {}

    @GET
    @Path("/me/messages")
    @RolesAllowed("shopper")
    @Operation(summary = "The caller's messages, newest first; unread=true: only those not read yet")
    public List<MessageView> messages(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return centre.of(caller.getSubject(), unreadOnly, page, size).stream().map(MessageView::of).toList();
    }

    @GET
    @Path("/me/messages/unread")
    @RolesAllowed("shopper")
    @Operation(summary = "How many of the caller's messages are not read yet")
    public UnreadView unread() {
        return new UnreadView(centre.unreadOf(caller.getSubject()));
    }

    @PUT
    @Path("/me/messages/{messageId}/read")
    @RolesAllowed("shopper")
    @Operation(summary = "Mark one of the caller's messages read (again: no change); 404 if it is not theirs")
    public MessageView read(@PathParam("messageId") long messageId) {
        return MessageView.of(centre.read(caller.getSubject(), messageId));
    }

    @PUT
    @Path("/me/messages/read")
    @RolesAllowed("shopper")
    @Operation(summary = "Mark every message of the caller read; how many were unread")
    public ReadView readAll() {
        return new ReadView(centre.readAll(caller.getSubject()));
    }

    @GET
    @Path("/me/notification-settings")
    @RolesAllowed("shopper")
    @Operation(summary = "The caller's notification settings (made on first use: email on if the caller's identity gives a "
            + "verified address, in the language of the request's Accept-Language, Chinese for zh, else English)")
    public SettingsView settings() {
        return SettingsView.of(contacts.settings(caller.getSubject(), ShopperIdentity.verifiedEmail(caller),
                ShopperIdentity.language(headers)));
    }

    @PUT
    @Path("/me/notification-settings")
    @RolesAllowed("shopper")
    @Operation(summary = "Change the caller's notification settings: email off also drops the emails not sent yet; "
            + "messages stay in the message centre either way. 400 with a violation per wrong field")
    public SettingsView change(@NotNull @Valid SettingsChange change) {
        return SettingsView.of(contacts.change(caller.getSubject(), ShopperIdentity.verifiedEmail(caller), change.email(),
                Language.of(change.language())));
    }

    @POST
    @Path("/notifications/unsubscribe")
    @PermitAll
    @IdempotentByContent("the token names the shopper; turning email off again changes nothing")
    @Operation(summary = "An email's unsubscribe link (also mail programs' one-click List-Unsubscribe, RFC 8058): email "
            + "off for the shopper whose token it is, without signing in; 404 unknown for a token nobody has")
    public SettingsView unsubscribe(@QueryParam("token") @NotNull @Pattern(regexp = "[0-9a-f]{48}",
            message = "must be the link's token") String token) {
        return SettingsView.of(contacts.unsubscribe(token)).withoutAddress();
    }
}
