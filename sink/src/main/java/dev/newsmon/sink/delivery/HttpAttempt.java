package dev.newsmon.sink.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One HTTP request as a delivery attempt: a 2xx delivers; a network error, 408, 429 or 5xx is worth another
 * attempt; any other status is the receiver refusing the message.
 */
public final class HttpAttempt {
    private HttpAttempt() {
    }

    public static Outcome send(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return Outcome.delivered();
            }
            String reason = "HTTP " + status;
            return status == 408 || status == 429 || status / 100 == 5 ? Outcome.retry(reason)
                    : Outcome.refused(reason);
        } catch (IOException e) {
            return Outcome.retry(e.toString());
        }
    }
}
