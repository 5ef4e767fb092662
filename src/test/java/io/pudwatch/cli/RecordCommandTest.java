package io.pudwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pudwatch.kernel.KernelHeaders;
import io.pudwatch.metrics.DemoExposure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCommandTest {
    @Test
    void aRecordedTraceNamesTheKernelReleaseWhereReplayLooksForIt() throws Exception {
        Map<String, Object> header = RecordCommand.header();
        JsonNode json = new ObjectMapper().valueToTree(header);

        String release = KernelHeaders.runningRelease();
        assertThat(header).containsEntry("release", release).containsKey("host");
        assertThat(header).doesNotContainKey("kernel");
        assertThat(DemoExposure.fromTraceHeader(() -> json).current().release()).isEqualTo(release);
    }
}
