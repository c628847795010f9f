package dev.candor.meeting.localroom;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The key and certificate the local room serves https with, in a PKCS#12 key store. Browsers give
 * camera and microphone only to secure pages, so a LAN room needs https for people joining from
 * other machines; a self-signed certificate makes their browser ask once to trust it.
 */
public record LocalRoomTls(Path keyStore, String password) {
    public LocalRoomTls {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Creates (or reuses, if present) a self-signed certificate in {@code dir} valid for the given
     * host names and IP addresses, using the JDK's {@code keytool}. The password is kept beside the
     * key store, readable only by this user where the file system allows.
     *
     * @throws IOException if keytool is missing or fails
     */
    public static LocalRoomTls selfSigned(Path dir, List<String> namesAndAddresses) throws IOException {
        Files.createDirectories(dir);
        Path store = dir.resolve("local-room.p12");
        Path secret = dir.resolve("local-room.pass");
        if (Files.exists(store) && Files.exists(secret)) {
            return new LocalRoomTls(
                    store, Files.readString(secret, StandardCharsets.UTF_8).strip());
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        List<String> san = new ArrayList<>();
        for (String n : namesAndAddresses) {
            san.add((isAddress(n) ? "ip:" : "dns:") + n);
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        List<String> cmd = new ArrayList<>(List.of(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "candor-local-room",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-sigalg",
                "SHA256withECDSA",
                "-validity",
                "825",
                "-dname",
                "CN=Candor local room",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass:env",
                "CANDOR_KS_PASS"));
        if (!san.isEmpty()) {
            cmd.add("-ext");
            cmd.add("SAN=" + String.join(",", san));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("CANDOR_KS_PASS", password);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                Files.deleteIfExists(store);
                throw new IOException("keytool could not create the local room certificate: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the local room certificate", e);
        }
        Files.writeString(secret, password, StandardCharsets.UTF_8);
        restrict(secret);
        restrict(store);
        return new LocalRoomTls(store, password);
    }

    private static boolean isAddress(String n) {
        return n.matches("[0-9.]+") || n.contains(":");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .contains("win");
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the user's profile directory protects it.
        }
    }

    /** This machine's non-loopback IPv4 addresses plus localhost: what a LAN certificate should name. */
    public static List<String> lanNames(List<InetAddress> addresses) {
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1"));
        for (InetAddress a : addresses) {
            names.add(a.getHostAddress());
        }
        return names;
    }
}
