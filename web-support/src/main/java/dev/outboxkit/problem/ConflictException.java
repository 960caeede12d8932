package dev.outboxkit.problem;

public class ConflictException extends DomainProblem {

    public ConflictException(String title, String detail) {
        super(title, detail);
    }

    @Override
    public int status() {
        return 409;
    }
}
