package io.downhill.course;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void stripsNumericPrefixAndExtension() {
        assertThat(Slugs.slug("03-momentum.md")).isEqualTo("momentum");
        assertThat(Slugs.slug("10_Adam and AdamW.md")).isEqualTo("adam-and-adamw");
        assertThat(Slugs.slug("Éta & co.md")).isEqualTo("eta-co");
        assertThat(Slugs.slug("2024.md")).isEqualTo("2024");
    }

    @Test
    void prefixGivesOrder() {
        assertThat(Slugs.prefix("03-momentum.md")).hasValue(3);
        assertThat(Slugs.prefix("momentum.md")).isEmpty();
    }

    @Test
    void humanizesFolders() {
        assertThat(Slugs.humanize("02-going-further")).isEqualTo("Going further");
    }
}
