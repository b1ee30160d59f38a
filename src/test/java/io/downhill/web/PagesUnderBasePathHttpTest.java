package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesUnderBasePathHttpTest extends PagesHttpContract {
    @Override
    String basePath() {
        return "/course";
    }

    @Test
    void nothingIsServedOutsideTheBasePath() {
        assertThat(serverRoot().getRaw("/").statusCode()).isEqualTo(404);
        assertThat(serverRoot().getRaw("/lessons/the-learning-rate").statusCode()).isEqualTo(404);
    }
}
