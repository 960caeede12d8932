package dev.outboxkit.notificationservice.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The SMTP server's inboxes (GreenMail's REST API): what actually arrived. */
public final class Inboxes {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiUrl;

    public Inboxes(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** The messages in one address's inbox; empty while the address has received nothing (or the server is down). */
    public JsonNode of(String address) {
        URI uri = URI.create(apiUrl + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createArrayNode();
        } catch (java.io.IOException e) {
            return JSON.createArrayNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int count(String address) {
        return of(address).size();
    }
}
