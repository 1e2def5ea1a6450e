package io.quarkmall.common.problem;

/** A business rule said no; the problem says how to tell the client. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, what + " was not found."));
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(Problem.of(type, "Conflict", 409, detail));
    }

    public Problem problem() {
        return problem;
    }
}
