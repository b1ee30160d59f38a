package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reconnecting training stream goes on from the last step it received, as run streams do. */
class TrainResumeHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = "{\"dataset\":\"moons\",\"depth\":3,\"width\":6,\"max_steps\":100,\"seed\":4}";

    private record Frame(String id, JsonNode data) {}

    @Test
    void lastEventIdResumesTrainingAfterThatStep() throws Exception {
        try (TestServer server = TestServer.start("")) {
            List<Frame> all = frames(server);
            List<Frame> resumed = frames(server, "Last-Event-ID", "50");

            List<JsonNode> allSteps = steps(all);
            List<JsonNode> resumedSteps = steps(resumed);
            assertThat(allSteps).hasSize(100);
            assertThat(resumedSteps).hasSize(50);
            assertThat(resumedSteps.get(0).get("t").asInt()).isEqualTo(51);
            // seeded training: the resumed steps are exactly the ones the first connection would have had
            assertThat(resumedSteps.toString()).isEqualTo(allSteps.subList(50, 100).toString());
            assertThat(resumed.get(0).data().has("data")).as("the points were sent before the reconnect").isFalse();
            // frame for frame what the first connection sent after step 50: ids, surfaces every 5th frame
            assertThat(resumed).extracting(Frame::id).containsExactly("60", "70", "80", "90", "100");
            assertThat(resumed).extracting(f -> f.data().has("grid")).containsExactly(true, false, false, false, true);
            assertThat(resumed.stream().map(f -> f.data().toString()).toList())
                    .isEqualTo(all.subList(all.size() - 5, all.size()).stream().map(f -> f.data().toString()).toList());

            List<Frame> done = frames(server, "Last-Event-ID", "100");
            assertThat(steps(done)).isEmpty();
        }
    }

    @Test
    void theFirstStepGoesOutAloneWithThePointsAndTheSurfaceFollowsWithStepTen() throws Exception {
        try (TestServer server = TestServer.start("")) {
            List<Frame> all = frames(server);
            assertThat(all).extracting(Frame::id).startsWith("1", "10", "20");
            assertThat(all.get(0).data().get("steps")).hasSize(1);
            assertThat(all.get(0).data().has("data")).isTrue();
            assertThat(all.get(0).data().has("grid")).as("the surface costs 900 forward passes: not before the first step").isFalse();
            assertThat(all.get(1).data().get("steps")).extracting(step -> step.get("t").asInt()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(all).extracting(f -> f.data().has("grid")).containsExactly(false, true, false, false, false, false, true, false, false, false, true);

            List<Frame> one = frames(server, SPEC.replace("\"max_steps\":100", "\"max_steps\":1"), 1);
            assertThat(one).extracting(Frame::id).containsExactly("1");
            assertThat(one.get(0).data().has("grid")).as("the last frame has the final surface").isTrue();
        }
    }

    private static List<JsonNode> steps(List<Frame> frames) {
        List<JsonNode> steps = new ArrayList<>();
        frames.forEach(f -> f.data().get("steps").forEach(steps::add));
        return steps;
    }

    private static List<Frame> frames(TestServer server, String... headers) throws Exception {
        return frames(server, SPEC, 100, headers);
    }

    /** The {@code frame} events of one training stream; asserts it ends with {@code done} after {@code steps}. */
    private static List<Frame> frames(TestServer server, String spec, int steps, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("Accept", "text/event-stream"));
        all.addAll(List.of(headers));
        String body = server.get("/api/train/stream?spec=" + URLEncoder.encode(spec, StandardCharsets.UTF_8),
                all.toArray(String[]::new)).body();
        List<Frame> frames = new ArrayList<>();
        boolean done = false;
        for (String block : body.split("\n\n")) {
            String event = null;
            String id = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if ("frame".equals(event)) {
                frames.add(new Frame(id, JSON.readTree(data)));
            } else if ("done".equals(event)) {
                done = true;
                assertThat(JSON.readTree(data).get("status").get("steps").asInt()).isEqualTo(steps);
            }
        }
        assertThat(done).isTrue();
        return frames;
    }
}
