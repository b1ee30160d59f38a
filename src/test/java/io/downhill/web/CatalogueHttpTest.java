package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Labels and colours reach the browser from the registrations: the catalogue and the pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theCatalogueServesLabelsAndColourKeys() throws Exception {
        JsonNode adagrad = JSON.readTree(server.get("/api/optimizers").body()).get("optimizers").get(3);
        assertThat(adagrad.get("name").asText()).isEqualTo("adagrad");
        assertThat(adagrad.get("label").asText()).isEqualTo("AdaGrad");
        assertThat(adagrad.get("colourKey").asText()).isEqualTo("adagrad");
        assertThat(adagrad.get("widgetLr").asDouble()).isEqualTo(0.5);
        JsonNode bowl = JSON.readTree(server.get("/api/problems").body()).get("problems").get(3);
        assertThat(bowl.get("label").asText()).isEqualTo("Bowl x² + 2y²");
        JsonNode plateau = JSON.readTree(server.get("/api/schedules").body()).get("schedules").get(6);
        assertThat(plateau.get("label").asText()).isEqualTo("Reduce on plateau");
    }

    @Test
    void aPageWithWidgetsCarriesTheOptimizersOnceAndAPageWithoutNone() throws Exception {
        Document widgets = Jsoup.parse(server.get("/lessons/playground").body());
        assertThat(widgets.select("meta[name=downhill-catalogue]")).hasSize(1);
        JsonNode optimizers = JSON.readTree(widgets.selectFirst("meta[name=downhill-catalogue]").attr("content"))
                .get("optimizers");
        assertThat(optimizers.get("rmsprop").get("label").asText()).isEqualTo("RMSprop");
        assertThat(optimizers.get("adamw").get("colour").asText()).isEqualTo("adamw");
        assertThat(optimizers.size()).isEqualTo(7);
        Document plain = Jsoup.parse(server.get("/search?q=adam").body());
        assertThat(plain.select("meta[name=downhill-catalogue]")).isEmpty();
    }
}
