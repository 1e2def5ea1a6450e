package io.quarkmall.loyalty.rest;

import io.quarkmall.common.idempotency.Idempotent;
import io.quarkmall.common.problem.ProblemException;
import io.quarkmall.loyalty.domain.EarningRule;
import io.quarkmall.loyalty.rest.EarningRuleViews.EarningRuleRequest;
import io.quarkmall.loyalty.rest.EarningRuleViews.EarningRuleView;
import io.quarkmall.loyalty.service.EarningRuleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The earning rules, set by the mall's operator (the realm's {@code admin} role) without a deploy.
 * A change applies to the order events that arrive after it.
 */
@Path("/earning-rules")
@RolesAllowed(EarningRuleResource.OPERATOR)
public class EarningRuleResource {

    /** The mall's operator: the quarkmall realm has no role of that name; its admins run the mall. */
    static final String OPERATOR = "admin";

    @Inject
    EarningRuleService rules;

    @GET
    @Operation(summary = "Every earning rule, highest priority first")
    public List<EarningRuleView> all() {
        return EarningRule.byPriority().stream().map(EarningRuleView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One earning rule; 404 if there is none with this id")
    public EarningRuleView one(@PathParam("id") long id) {
        return EarningRule.<EarningRule>findByIdOptional(id).map(EarningRuleView::of)
                .orElseThrow(() -> ProblemException.notFound("Earning rule " + id));
    }

    @POST
    @Idempotent
    @Operation(summary = "Create an earning rule (Idempotency-Key required); 400 for a negative multiplier or "
            + "bonus, a period that ends before it begins, or terms that do not fit the trigger or scope")
    @APIResponse(responseCode = "201", description = "The rule, in force for the next order events",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EarningRuleView.class)))
    public Response create(@NotNull @Valid EarningRuleRequest request) {
        return Response.status(201).entity(EarningRuleView.of(rules.define(request.definition()))).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace every term of an earning rule; 404 if there is none with this id, 400 as for creation")
    public EarningRuleView revise(@PathParam("id") long id, @NotNull @Valid EarningRuleRequest request) {
        return EarningRuleView.of(rules.revise(id, request.definition()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an earning rule: later order events no longer meet it; 404 if there is none with this id")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response remove(@PathParam("id") long id) {
        rules.remove(id);
        return Response.noContent().build();
    }
}
