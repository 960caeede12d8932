# The production realm, derived from the one realm of the repository (src-deploy/keycloak/outboxkit-realm.json):
# the same roles, service clients and token lifetimes, without what only development and the tests need.
# k8s/overlays/prod/keycloak/outboxkit-realm.json is this filter's output; after changing either file, regenerate it
# from the repository root with
#   jq -f k8s/overlays/prod/keycloak/prod-realm.jq src-deploy/keycloak/outboxkit-realm.json \
#     > k8s/overlays/prod/keycloak/outboxkit-realm.json
# (deploy-tests' ProdRealmTest fails while it is stale). Replace the example.com hosts like the other example.com
# values of the overlay, here in the filter, then regenerate.
def public_hosts: ["https://customers.example.com", "https://orders.example.com", "https://notifications.example.com"];

.displayName = "outboxkit"
# The demo users and their dev-only passwords: people come from your user store or the admin console.
| del(.users)
# Lock an account after repeated failed logins (the dev realm leaves it off so that tests never lock themselves out).
| .bruteForceProtected = true
# The test client whose tokens live 2 seconds.
| .clients |= map(select(.clientId != "outboxkit-cli-short-lived"))
# The public client keeps the browser flow (authorization code + PKCE) for the public hosts, and loses the password
# grant and the localhost redirects.
| .clients |= map(if .clientId == "outboxkit-cli" then
      .description = "Public client for browser apps: authorization code + PKCE S256 only"
      | .directAccessGrantsEnabled = false
      | .redirectUris = [public_hosts[] + "/*"]
      | .webOrigins = public_hosts
    else . end)
