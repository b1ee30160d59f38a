package io.downhill.web;

import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesAtRootHttpTest extends PagesHttpContract {
    @Override
    String basePath() {
        return "";
    }
}
