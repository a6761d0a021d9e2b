package io.whalewatch.adapter.web.alert;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket session without a network for the client-message fuzz test: every text the server
 * sends completes at once (so an {@link Outbox} on a same-thread executor drains synchronously) and
 * is recorded, as is the close reason. Only what {@link Outbox} and {@link ClientSession} call is
 * implemented; anything else fails the test loudly.
 */
final class FuzzSocket {
    final List<String> sent = new ArrayList<>();
    CloseReason closed;
    final Session session;

    FuzzSocket(String id) {
        RemoteEndpoint.Async remote = proxy(RemoteEndpoint.Async.class, (method, args) -> {
            if (method.getName().equals("sendText") && args.length == 2 && args[1] instanceof SendHandler h) {
                if (closed != null) {
                    throw new AssertionError("sent after close: " + args[0]);
                }
                sent.add((String) args[0]);
                h.onResult(new SendResult());
                return null;
            }
            throw new UnsupportedOperationException(method.toString());
        });
        this.session = proxy(Session.class, (method, args) -> switch (method.getName()) {
            case "getId" -> id;
            case "getAsyncRemote" -> remote;
            case "isOpen" -> closed == null;
            case "close" -> {
                closed = args != null && args.length == 1 ? (CloseReason) args[0] : new CloseReason(
                        CloseReason.CloseCodes.NORMAL_CLOSURE, "");
                yield null;
            }
            case "hashCode" -> System.identityHashCode(this);
            case "equals" -> false;
            case "toString" -> "FuzzSocket " + id;
            default -> throw new UnsupportedOperationException(method.toString());
        });
    }

    /** Outbound items so far: sent texts plus the close, if any. */
    int outbound() {
        return sent.size() + (closed == null ? 0 : 1);
    }

    private interface Handler {
        Object call(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(FuzzSocket.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> handler.call(method, args == null ? new Object[0] : args)));
    }
}
