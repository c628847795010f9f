package dev.candor.media;

import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop sources of an X11 session, as Chromium's X11 capturer can take them: the whole X screen
 * ({@code screen:-1:0}, all monitors; Chromium's X11 capturer accepted no other screen id in
 * our measurements) with a thumbnail, and the top-level windows the window manager lists in
 * {@code _NET_CLIENT_LIST} ({@code window:<xid>:0}, named by {@code _NET_WM_NAME}), read with the
 * {@code xprop} tool when it is installed. Without a window manager, or without {@code xprop},
 * only the screen is offered. Candor's own windows are left out.
 */
public final class X11DesktopSources implements DesktopSources {
    private static final Logger log = LoggerFactory.getLogger(X11DesktopSources.class);

    /** At most this many windows are offered (a picker of hundreds helps nobody). */
    static final int MAX_WINDOWS = 40;

    /** Thumbnails are at most this wide. */
    static final int THUMBNAIL_WIDTH = 320;

    /** Runs a tool and returns its standard output, or empty if it is missing or failed. */
    @FunctionalInterface
    public interface Commands {
        Optional<String> run(List<String> command);
    }

    private static final Pattern CLIENT_LIST = Pattern.compile("window id #\\s*(.*)");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{1,8}");
    private static final Pattern NAME = Pattern.compile("^(_NET_WM_NAME|WM_NAME)\\([A-Z0-9_]+\\) = \"(.*)\"\\s*$");
    private static final Pattern PID = Pattern.compile("^_NET_WM_PID\\(CARDINAL\\) = (\\d+)");

    private final Commands commands;
    private final Supplier<Optional<Rectangle>> desktop;
    private final Function<Rectangle, byte[]> thumbnails;
    private final long ownPid;

    /**
     * @param desktop the bounds of the whole X screen, empty when there is no display
     * @param thumbnails a PNG of part of the screen, or null if it cannot be taken
     */
    public X11DesktopSources(
            Commands commands,
            Supplier<Optional<Rectangle>> desktop,
            Function<Rectangle, byte[]> thumbnails,
            long ownPid) {
        this.commands = commands;
        this.desktop = desktop;
        this.thumbnails = thumbnails;
        this.ownPid = ownPid;
    }

    /** Sources of the display this process runs on (AWT for the screen, xprop for windows). */
    public static X11DesktopSources ofThisDisplay() {
        return new X11DesktopSources(
                X11DesktopSources::runTool,
                X11DesktopSources::awtDesktop,
                X11DesktopSources::screenshot,
                ProcessHandle.current().pid());
    }

    @Override
    public List<DesktopSource> list() {
        List<DesktopSource> out = new ArrayList<>();
        Optional<Rectangle> screen = desktop.get();
        if (screen.isEmpty()) {
            return out;
        }
        Rectangle r = screen.get();
        out.add(new DesktopSource(
                "screen:-1:0", DesktopSource.Kind.SCREEN, "Entire screen", r.width, r.height, thumbnails.apply(r)));
        out.addAll(windows());
        return out;
    }

    private List<DesktopSource> windows() {
        Optional<String> list = commands.run(List.of("xprop", "-root", "_NET_CLIENT_LIST"));
        if (list.isEmpty()) {
            return List.of();
        }
        Matcher ids = CLIENT_LIST.matcher(list.get());
        if (!ids.find()) {
            log.debug("The window manager lists no windows (_NET_CLIENT_LIST absent): screens only");
            return List.of();
        }
        List<DesktopSource> windows = new ArrayList<>();
        Matcher hex = HEX.matcher(ids.group(1));
        while (hex.find() && windows.size() < MAX_WINDOWS) {
            String xid = hex.group();
            window(xid).ifPresent(windows::add);
        }
        return windows;
    }

    private Optional<DesktopSource> window(String xid) {
        Optional<String> props = commands.run(List.of("xprop", "-id", xid, "_NET_WM_PID", "_NET_WM_NAME", "WM_NAME"));
        if (props.isEmpty()) {
            return Optional.empty(); // closed meanwhile
        }
        String name = null;
        for (String line : props.get().split("\n")) {
            Matcher pid = PID.matcher(line);
            if (pid.find() && Long.parseLong(pid.group(1)) == ownPid) {
                return Optional.empty();
            }
            Matcher n = NAME.matcher(line);
            if (n.find() && (name == null || n.group(1).equals("_NET_WM_NAME"))) {
                name = unescape(n.group(2));
            }
        }
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        long id = Long.parseLong(xid.substring(2), 16);
        return Optional.of(new DesktopSource("window:" + id + ":0", DesktopSource.Kind.WINDOW, name, 0, 0, null));
    }

    /**
     * xprop's quoted value: raw UTF-8 in a UTF-8 locale (inner quotes not escaped), or with
     * {@code \\ooo} octal bytes and {@code \\"} escapes in others.
     */
    static String unescape(String s) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
                continue;
            }
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            bytes.write(b, 0, b.length);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    static Optional<String> runTool(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
            pb.environment().put("LC_ALL", "C.UTF-8"); // window names as UTF-8
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(1 << 20);
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            log.debug("{} not available: {}", command.get(0), e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Rectangle> awtDesktop() {
        if (GraphicsEnvironment.isHeadless()) {
            return Optional.empty();
        }
        Rectangle all = null;
        for (GraphicsDevice d :
                GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            Rectangle b = d.getDefaultConfiguration().getBounds();
            all = all == null ? new Rectangle(b) : all.union(b);
        }
        return Optional.ofNullable(all);
    }

    static byte[] screenshot(Rectangle r) {
        try {
            BufferedImage shot = new Robot().createScreenCapture(r);
            int w = Math.min(THUMBNAIL_WIDTH, r.width);
            int h = Math.max(1, (int) Math.round((double) r.height * w / r.width));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            var g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(shot, 0, 0, w, h, null);
            g.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(small, "png", png);
            return png.toByteArray();
        } catch (Exception e) {
            log.debug("No screen thumbnail: {}", e.toString());
            return null;
        }
    }
}
