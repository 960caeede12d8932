package dev.outboxkit.problem;

/** A well-formed request that refers to something that does not allow it (an unknown organization, say). */
public class UnprocessableException extends DomainProblem {

    public UnprocessableException(String title, String detail) {
        super(title, detail);
    }

    @Override
    public int status() {
        return 422;
    }
}
