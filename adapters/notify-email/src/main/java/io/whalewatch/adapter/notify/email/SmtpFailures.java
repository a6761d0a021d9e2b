package io.whalewatch.adapter.notify.email;

import io.whalewatch.application.port.out.AlertNotifier.DeliveryException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.SocketTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Decides whether a failed SMTP attempt is worth retrying, following RFC 5321's reply classes:
 * 4xx is transient (greylisting, mailbox busy, rate limits), 5xx is permanent (unknown recipient,
 * relay denied, message refused). Connection failures and timeouts are transient; rejected
 * credentials and TLS failures (untrusted certificate, STARTTLS required but not offered) are not,
 * since only an operator can fix them.
 */
final class SmtpFailures {
    /** A reply at the start of the message, or after "response:" (Angus' bad-greeting wording). */
    private static final Pattern REPLY_CODE = Pattern.compile("(?:^\\s*|response:\\s*)([245]\\d\\d)[\\s-]");

    private SmtpFailures() {
    }

    static DeliveryException classify(String target, MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new DeliveryException("SMTP authentication failed at " + target + ": " + e.getMessage(), false, e);
        }
        if (e instanceof MailConnectException || has(e, SocketTimeoutException.class)) {
            return new DeliveryException("cannot reach SMTP server " + target + ": " + describe(e), true, e);
        }
        if (has(e, SSLException.class) || String.valueOf(e.getMessage()).contains("STARTTLS")) {
            return new DeliveryException("TLS with SMTP server " + target + " failed: " + describe(e), false, e);
        }
        int code = replyCode(e);
        if (code > 0) {
            return new DeliveryException("SMTP server " + target + " replied " + code + ": " + describe(e), code < 500, e);
        }
        // Unknown trouble (a dropped connection mid-dialogue, an I/O error): worth another attempt.
        return new DeliveryException("SMTP delivery via " + target + " failed: " + describe(e), true, e);
    }

    /** The SMTP reply code carried by the exception or the ones it wraps; 0 when none. */
    static int replyCode(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                return s.getReturnCode();
            }
            Matcher m = REPLY_CODE.matcher(String.valueOf(t.getMessage()));
            if (t instanceof MessagingException && m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
        Throwable cause = next(e);
        return cause == null || cause.getMessage() == null ? message : message + " (" + cause.getMessage().strip() + ")";
    }
}
