package dev.candor.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the installer resources of every OS where they are written, including the Windows and
 * macOS ones that CI cannot build: each declares both link schemes, the camera and microphone
 * texts are there, and the icons exist in the sizes the window and the installers use.
 */
class PackagingResourcesTest {
    private static final Path PACKAGING = Path.of("packaging");

    @Test
    void windowIconsExistInEverySizeTheAppLoads() throws IOException {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            String name = "/dev/candor/ui/icon-" + size + ".png";
            try (InputStream in = PackagingResourcesTest.class.getResourceAsStream(name)) {
                assertThat(in).as(name).isNotNull();
                BufferedImage image = ImageIO.read(in);
                assertThat(image.getWidth()).as(name).isEqualTo(size);
                assertThat(image.getHeight()).as(name).isEqualTo(size);
                assertThat(image.getColorModel().hasAlpha())
                        .as("%s keeps its transparent corners", name)
                        .isTrue();
            }
        }
    }

    @Test
    void installerIconsArePresentForEachOperatingSystem() throws IOException {
        assertThat(Files.readAllBytes(PACKAGING.resolve("windows/Candor.ico")))
                .startsWith(0, 0, 1, 0); // ICONDIR: reserved 0, type 1 (icon)
        assertThat(new String(Files.readAllBytes(PACKAGING.resolve("macos/Candor.icns")), 0, 4, "US-ASCII"))
                .isEqualTo("icns");
        assertThat(ImageIO.read(PACKAGING.resolve("linux/Candor.png").toFile()).getWidth())
                .isEqualTo(256);
    }

    @Test
    void macBundleDeclaresBothLinkSchemesAndTheCameraAndMicrophoneTexts() throws Exception {
        Document plist = xml(PACKAGING.resolve("macos/Info.plist"));
        List<String> schemes = new ArrayList<>();
        NodeList keys = plist.getElementsByTagName("key");
        for (int i = 0; i < keys.getLength(); i++) {
            if (keys.item(i).getTextContent().equals("CFBundleURLSchemes")) {
                Element array = nextElement(keys.item(i));
                NodeList strings = array.getElementsByTagName("string");
                for (int j = 0; j < strings.getLength(); j++) {
                    schemes.add(strings.item(j).getTextContent());
                }
            }
        }
        assertThat(schemes).containsExactlyInAnyOrder("candor", "jitsi-meet");
        assertThat(plistString(plist, "NSCameraUsageDescription")).isNotBlank();
        assertThat(plistString(plist, "NSMicrophoneUsageDescription")).isNotBlank();

        String entitlements = Files.readString(PACKAGING.resolve("macos/Candor.entitlements"));
        assertThat(entitlements).contains("com.apple.security.device.camera", "com.apple.security.device.audio-input");
    }

    @Test
    void windowsRegistryFragmentOpensBothSchemesWithTheLauncher() throws Exception {
        Document wxi = xml(PACKAGING.resolve("windows/overrides.wxi"));
        NodeList keys = wxi.getElementsByTagName("RegistryKey");
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < keys.getLength(); i++) {
            String key = ((Element) keys.item(i)).getAttribute("Key");
            if (key.startsWith("Software\\Classes\\")) {
                classes.add(key.substring("Software\\Classes\\".length()));
            }
        }
        assertThat(classes).containsExactlyInAnyOrder("candor", "jitsi-meet");
        assertThat(Files.readString(PACKAGING.resolve("windows/overrides.wxi")))
                .contains("Name=\"URL Protocol\"")
                .contains("&quot;[INSTALLDIR]Candor.exe&quot; &quot;%1&quot;");
        assertThat(Files.readString(PACKAGING.resolve("windows/jpackage.args")))
                .contains("--win-upgrade-uuid 2e23652d-4fc8-4d2c-9e0d-b3b28f4c0baa");
    }

    @Test
    void linuxDesktopEntryHandlesBothSchemesAndPassesTheLink() throws IOException {
        String entry = Files.readString(PACKAGING.resolve("linux/Candor.desktop"));
        assertThat(entry)
                .contains("\nExec=/opt/candor/bin/Candor %u\n")
                .contains("\nMimeType=x-scheme-handler/jitsi-meet;x-scheme-handler/candor;\n")
                .contains("\nCategories=Network;VideoConference;\n");
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The plist DOCTYPE names Apple's DTD: never fetch it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String plistString(Document plist, String key) {
        NodeList keys = plist.getElementsByTagName("key");
        for (int i = 0; i < keys.getLength(); i++) {
            if (keys.item(i).getTextContent().equals(key)) {
                return nextElement(keys.item(i)).getTextContent();
            }
        }
        return "";
    }

    private static Element nextElement(org.w3c.dom.Node node) {
        org.w3c.dom.Node next = node.getNextSibling();
        while (next != null && !(next instanceof Element)) {
            next = next.getNextSibling();
        }
        return (Element) next;
    }
}
