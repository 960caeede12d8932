package dev.outboxkit.customerservice.customer;

/**
 * A sign-up the caller may make: the request and whose profile it becomes. Only {@link CustomerService#signUpOf}
 * makes one, so the rule "a customer signs up only themselves" is checked (403) before anything else, an
 * Idempotency-Key's claim included.
 */
public final class SignUp {

    private final CreateCustomerRequest request;
    private final String owner;

    SignUp(CreateCustomerRequest request, String owner) {
        this.request = request;
        this.owner = owner;
    }

    CreateCustomerRequest request() {
        return request;
    }

    String owner() {
        return owner;
    }
}
