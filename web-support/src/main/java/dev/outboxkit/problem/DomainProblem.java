package dev.outboxkit.problem;

/** A refusal the client can act on; {@link ProblemMappers} turns it into an RFC 7807 body. */
public abstract class DomainProblem extends RuntimeException {

    private final String title;

    protected DomainProblem(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }

    public abstract int status();
}
