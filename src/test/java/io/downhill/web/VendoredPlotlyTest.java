package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Plotly files in the repository are the published ones their checksum file names. */
class VendoredPlotlyTest {
    private static final Path FOLDER = Path.of("src/main/vendor/plotly");

    @Test
    void everyBundleMatchesItsRecordedSha256() throws Exception {
        List<String> lines = Files.readAllLines(FOLDER.resolve("SHA256SUMS"));
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            String[] parts = line.split("\\s+\\*?");
            byte[] bytes = Files.readAllBytes(FOLDER.resolve(parts[1]));
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(actual).as(parts[1]).isEqualTo(parts[0]);
        }
        assertThat(lines).extracting(l -> l.split("\\s+")[1])
                .containsExactly("plotly-cartesian.min.js", "plotly-gl3d.min.js");
    }

    @Test
    void theServerNamesTheVendoredVersion() throws Exception {
        String version = Files.readString(FOLDER.resolve("VERSION")).trim();
        assertThat(Assets.PLOTLY).isEqualTo(version);
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<plotly.version>" + version + "</plotly.version>");
        assertThat(Files.readString(FOLDER.resolve("plotly-cartesian.min.js")).substring(0, 200))
                .contains("plotly.js (cartesian - minified) v" + version);
        assertThat(Files.readString(FOLDER.resolve("plotly-gl3d.min.js")).substring(0, 200))
                .contains("v" + version);
    }
}
