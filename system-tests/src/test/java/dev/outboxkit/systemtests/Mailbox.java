package dev.outboxkit.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The inbox of one address on the stack's SMTP server (GreenMail), read through its REST API. */
public final class Mailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String address;

    public Mailbox(String address) {
        this.address = address;
    }

    public record Message(String subject, String raw) {
    }

    /** Every message the SMTP server holds, over all addresses. */
    static int totalMessages() throws IOException, InterruptedException {
        HttpResponse<String> users = HTTP.send(HttpRequest.newBuilder(URI.create(StackEnv.greenMailApi() + "/api/user")).build(),
                HttpResponse.BodyHandlers.ofString());
        int total = 0;
        for (JsonNode user : JSON.readTree(users.body())) {
            total += new Mailbox(user.path("email").asText()).messages().size();
        }
        return total;
    }

    public List<Message> messages() throws IOException, InterruptedException {
        URI uri = URI.create(StackEnv.greenMailApi() + "/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            return List.of(); // GreenMail creates the user on the first delivery
        }
        if (response.statusCode() != 200) {
            throw new IOException("GreenMail answered " + response.statusCode() + ": " + response.body());
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : JSON.readTree(response.body())) {
            messages.add(new Message(message.path("subject").asText(), message.path("mimeMessage").asText()));
        }
        return messages;
    }
}
