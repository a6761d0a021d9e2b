/**
 * The email notifier: accuracy alerts as multipart (text + HTML) mail over SMTP with Jakarta Mail
 * and its Angus implementation (STARTTLS, implicit TLS, authentication). Exports nothing.
 *
 * <p>{@code org.eclipse.angus.mail} is required explicitly, not only found through
 * {@code uses jakarta.mail.Provider}: the SMTP failure types carry the reply code that decides
 * whether a retry can help, and requiring the module guarantees the SMTP provider is resolved
 * on the module path even where service binding is not in effect (e.g. a custom layer).
 */
module io.whalewatch.adapter.notify.email {
    requires io.whalewatch.application;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires jakarta.mail;
    requires org.eclipse.angus.mail;

    provides io.whalewatch.application.spi.AlertNotifierProvider
            with io.whalewatch.adapter.notify.email.EmailAlertNotifierProvider;
}
