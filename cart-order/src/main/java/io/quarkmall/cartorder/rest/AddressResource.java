package io.quarkmall.cartorder.rest;

import io.quarkmall.cartorder.rest.AddressViews.AddressDraft;
import io.quarkmall.cartorder.rest.AddressViews.AddressView;
import io.quarkmall.cartorder.service.AddressBook;
import io.quarkmall.common.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The calling shopper's address book; another shopper's address is 404. */
@Path("/addresses")
@RolesAllowed("shopper")
public class AddressResource {

    @Inject
    JsonWebToken caller;
    @Inject
    AddressBook book;

    @GET
    @Operation(summary = "The caller's addresses, the default first, then the newest")
    public List<AddressView> mine() {
        return book.of(caller.getSubject()).stream().map(AddressView::of).toList();
    }

    @POST
    @Operation(summary = "Add an address (Idempotency-Key required); the first one becomes the default. 422 "
            + "invalid-address with one violation per field (nothing is added), 422 address-book-full at 20 addresses")
    @APIResponse(responseCode = "201", description = "The address, added",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AddressView.class)))
    @Idempotent
    public Response add(@NotNull AddressDraft draft) {
        var added = book.add(caller.getSubject(), draft.toAddress());
        return Response.created(URI.create("addresses/" + added.id()))
                .entity(AddressView.of(added)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace one of the caller's addresses; 404 if it is not theirs, 422 invalid-address with "
            + "one violation per field (nothing changes). Orders already placed keep the address they were placed with")
    public AddressView replace(@PathParam("id") long id, @NotNull AddressDraft draft) {
        return AddressView.of(book.replace(caller.getSubject(), id, draft.toAddress()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one of the caller's addresses: 204; if it was the default, the newest remaining one "
            + "becomes the default. 404 if it is not theirs")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        book.delete(caller.getSubject(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/default")
    @Operation(summary = "Make one of the caller's addresses the default (Idempotency-Key required); the others lose "
            + "it. 404 if it is not theirs")
    @APIResponse(responseCode = "200", description = "The address, now the default",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AddressView.class)))
    @Idempotent
    public Response makeDefault(@PathParam("id") long id) {
        return Response.ok(AddressView.of(book.makeDefault(caller.getSubject(), id))).build();
    }
}
