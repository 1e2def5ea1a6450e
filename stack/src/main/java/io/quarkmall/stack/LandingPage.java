package io.quarkmall.stack;

/** What the edge shows until the SPA is built: where everything is, and who can sign in. */
final class LandingPage {

    private LandingPage() {
    }

    static String html() {
        var services = new StringBuilder();
        for (Ports.Service service : Ports.SERVICES) {
            String management = "http://localhost:" + service.managementPort();
            services.append("<li><b>").append(service.name()).append("</b>: <a href=\"")
                    .append(service.rootPath()).append("/q/swagger-ui/\">Swagger UI</a>, <a href=\"")
                    .append(management).append("/q/health\">health</a></li>\n");
        }
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Quarkmall</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body style="font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem">
                <h1>Quarkmall</h1>
                <p>The shop's web app is not built into this checkout yet; the services are up behind this edge.</p>
                <h2>Services</h2><ul>
                %s</ul>
                <h2>Sign in</h2>
                <p>Keycloak: <a href="http://localhost:%d/admin/">http://localhost:%d</a> (realm <code>quarkmall</code>;
                console admin / admin). Demo users (password = user name): <code>shopper</code>, <code>shopper2</code>,
                <code>merchant</code>, <code>admin</code>.</p>
                </body></html>
                """.formatted(services, Ports.KEYCLOAK, Ports.KEYCLOAK);
    }
}
