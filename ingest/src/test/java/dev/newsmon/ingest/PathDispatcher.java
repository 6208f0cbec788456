package dev.newsmon.ingest;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Answers each path of a {@code MockWebServer} with its own route, and any other path with a 404. */
public final class PathDispatcher extends Dispatcher {
    /** One path's answer; it may block, as a slow server would. */
    public interface Route {
        MockResponse answer(RecordedRequest request) throws InterruptedException;
    }

    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    public void route(String path, Route route) {
        routes.put(path, route);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        Route route = routes.get(request.getUrl().encodedPath());
        return route == null ? status(404) : route.answer(request);
    }

    public static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    public static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).addHeader("Location", location).build();
    }
}
