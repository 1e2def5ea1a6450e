package io.quarkmall.common.testapp;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.outbox.Outbox;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import io.quarkmall.common.web.Paging;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A state-changing endpoint as every service writes one: idempotent, with its event in the outbox. */
@Path("/notes")
@RolesAllowed("shopper")
public class NoteResource {

    public static final String TOPIC = "test.common.notes";

    public record NewNote(@NotBlank @Size(max = 200) String text) {}

    /** A body with a number, to show how numbers are read. */
    public record Rating(@NotNull Integer stars, int weight) {}

    public record NoteView(long id, String text) {}

    @Inject
    Outbox outbox;
    @Inject
    JsonWebToken caller;

    @GET
    @Path("/count")
    @PermitAll
    public long count() {
        return Note.count();
    }

    @GET
    @PermitAll
    public java.util.List<NoteView> page(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Note.<Note>findAll().page(page, size).list().stream().map(n -> new NoteView(n.id, n.text)).toList();
    }

    @DELETE
    @RolesAllowed("admin")
    public long clear() {
        return Note.deleteAll();
    }

    /**
     * Without {@code @Consumes}: RESTEasy also reads a record of one String from text/plain, and
     * refuses an empty text body with a 400 of its own, with an empty body no exception mapper sees.
     */
    @POST
    @Path("/echo")
    public NewNote echo(NewNote note) {
        return note;
    }

    @POST
    @Path("/ratings")
    public Rating rate(@Valid @NotNull Rating rating) {
        return rating;
    }

    @POST
    @Idempotent
    public Response create(@Valid NewNote request) {
        var note = new Note();
        note.author = caller.getSubject();
        note.text = request.text();
        note.createdAt = Instant.now();
        note.persist();
        outbox.record(TOPIC, note.id.toString(), new NoteCreated(note.id, note.text));
        return Response.status(201).entity(new NoteView(note.id, note.text)).build();
    }

    /** The event a new note announces. */
    public record NoteCreated(long noteId, String text) {}
}
