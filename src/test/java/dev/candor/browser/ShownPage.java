package dev.candor.browser;

import static dev.candor.browser.EmbeddedBrowserIT.fx;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** A page opened in the shared browser and shown in a 640x400 window of its own, loaded once. */
final class ShownPage implements AutoCloseable {
    private final BrowserView view;
    private final Stage stage;

    private ShownPage(BrowserView view, Stage stage) {
        this.view = view;
        this.stage = stage;
    }

    /** Opens {@code spec}, shows it and waits for its first load. */
    static ShownPage show(SharedBrowser.Runtime runtime, PageSpec spec) throws Exception {
        ShownPage shown = fx(() -> {
            BrowserView view = runtime.browser.open(spec);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(view), 640, 400));
            stage.show();
            return new ShownPage(view, stage);
        });
        shown.view.page().firstLoad().get(15, TimeUnit.SECONDS);
        return shown;
    }

    BrowserView view() {
        return view;
    }

    @Override
    public void close() throws Exception {
        view.close().get(5, TimeUnit.SECONDS);
        fx(() -> {
            stage.close();
            return null;
        });
    }
}
