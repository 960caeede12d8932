package dev.outboxkit.access;

/** The realm roles the services know (src-deploy/keycloak/outboxkit-realm.json). */
public final class Roles {

    /** Manages customers, organizations, orders and invoices. */
    public static final String BACK_OFFICE = "back-office";

    /** Reads everything, changes nothing. */
    public static final String SUPPORT = "support";

    /** Reads only what they own: their profile, their orders, their invoices. */
    public static final String CUSTOMER = "customer";

    private Roles() {
    }
}
