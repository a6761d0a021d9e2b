package io.whalewatch.adapter.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sends through the adapter as a named module: a child JVM gets the adapter, the application,
 * Jakarta Mail, Angus Mail, Activation, Jackson and SLF4J on the module path (the way
 * {@code java -p lib -m ...} runs), and only a probe main class on the class path. This is where a
 * missing {@code requires}, an unresolved SMTP provider or a mailcap lookup that only works on the
 * class path would show; the other tests run on the class path (the shaded jar's layout).
 */
class ModulePathTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final List<String> MODULE_JARS = List.of("whalewatch-application", "whalewatch-domain",
            "jakarta.mail-api", "angus-mail", "jakarta.activation-api", "angus-activation", "slf4j-api",
            "jackson-core", "jackson-databind", "jackson-annotations");

    @Test
    void sendsWithEverythingOnTheModulePath() throws Exception {
        List<String> modulePath = new ArrayList<>();
        String testClasses = null;
        for (String entry : testClassPath()) {
            String name = Path.of(entry).getFileName().toString();
            if (entry.endsWith("test-classes")) {
                testClasses = entry;
            } else if (name.equals("classes") || MODULE_JARS.stream().anyMatch(j -> name.startsWith(j + "-"))) {
                modulePath.add(entry);
            }
        }
        assertThat(modulePath).hasSize(MODULE_JARS.size() + 1);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-p", String.join(File.pathSeparator, modulePath),
                "--add-modules", "io.whalewatch.adapter.notify.email", "-cp", testClasses,
                "io.whalewatch.adapter.notify.email.probe.ModulePathProbe", Integer.toString(MAIL.getSmtp().getPort()))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("provider module: io.whalewatch.adapter.notify.email",
                "transport module: org.eclipse.angus.mail", "sent");
        assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).startsWith("[whalewatch] WARNING");
        assertThat(EmailDeliveryTest.part(MAIL.getReceivedMessages()[0], "text/html")).contains("72.5%");
    }

    /** Surefire runs tests through a manifest-only jar; the real class path is in this property. */
    private static List<String> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.asList(cp.split(File.pathSeparator));
    }
}
