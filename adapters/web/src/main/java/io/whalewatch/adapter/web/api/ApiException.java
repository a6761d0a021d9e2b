package io.whalewatch.adapter.web.api;

/** A request the API refuses, with the HTTP status and a message safe to show the client. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiException badParameter(String name, String problem) {
        return new ApiException(400, "invalid parameter '" + name + "': " + problem);
    }

    static ApiException notFound(String what) {
        return new ApiException(404, what);
    }

    int status() {
        return status;
    }
}
