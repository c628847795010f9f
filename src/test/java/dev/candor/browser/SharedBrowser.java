package dev.candor.browser;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension sharing one embedded browser per test JVM (CEF can be initialised once per
 * process) and starting the JavaFX toolkit after it (JavaFX started first gets no input events).
 * Inject {@link Runtime} into test methods or constructors.
 */
public final class SharedBrowser implements BeforeAllCallback, ParameterResolver {
    /** The shared runtime and what it opened externally. */
    public static final class Runtime implements AutoCloseable {
        public final BrowserRuntime browser;
        public final List<URI> opened = new CopyOnWriteArrayList<>();

        Runtime() throws InterruptedException {
            Path data = Path.of(System.getProperty("candor.it.dataDir", "target/jcef-it"))
                    .toAbsolutePath();
            browser = new BrowserRuntime(BrowserSettings.forTests(data), opened::add, null);
            BrowserRuntime.State state = browser.start();
            if (state != BrowserRuntime.State.READY) {
                throw new IllegalStateException("Embedded browser did not start: " + browser.failureMessage());
            }
            CountDownLatch fx = new CountDownLatch(1);
            Platform.setImplicitExit(false);
            Platform.startup(fx::countDown);
            if (!fx.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("JavaFX did not start");
            }
        }

        @Override
        public void close() {
            browser.shutdown();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        runtime(context);
    }

    private static Runtime runtime(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        Runtime.class,
                        k -> {
                            try {
                                return new Runtime();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                        },
                        Runtime.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Runtime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return runtime(e);
    }
}
