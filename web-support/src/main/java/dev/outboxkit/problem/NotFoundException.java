package dev.outboxkit.problem;

public class NotFoundException extends DomainProblem {

    public NotFoundException(String title, String detail) {
        super(title, detail);
    }

    @Override
    public int status() {
        return 404;
    }
}
