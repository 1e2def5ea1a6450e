package io.quarkmall.stock.rest;

import io.quarkmall.stock.domain.OperatorScope;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The stock the caller may see and change, from its verified token: a merchant its own SKUs', an admin every SKU's. */
@RequestScoped
public class CallerScope {

    private final JsonWebToken caller;
    private final SecurityIdentity identity;

    CallerScope(JsonWebToken caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    public OperatorScope scope() {
        return new OperatorScope(caller.getSubject(), identity.hasRole("admin"));
    }
}
