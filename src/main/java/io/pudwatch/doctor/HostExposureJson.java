package io.pudwatch.doctor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The JSON form of a {@link HostExposure}, as {@code pudwatch doctor --output json} prints it. */
public final class HostExposureJson {
    private static final JsonFactory JSON = new JsonFactory();

    private HostExposureJson() {}

    public static String toJson(HostExposure h) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeStringField("verdict", h.verdict().label());
            out.writeArrayFieldStart("reasons");
            for (String reason : h.reasons()) {
                out.writeString(reason);
            }
            out.writeEndArray();
            out.writeObjectFieldStart("kernel");
            out.writeStringField("release", h.kernelRelease());
            out.writeStringField("class", h.kernelClass().label());
            out.writeStringField("arch", h.arch());
            out.writeEndObject();
            writeDevices(out, h);
            writeMappers(out, h);
            out.writeNumberField("unreadable_processes", h.unreadableProcesses());
            writeReadiness(out, h);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeDevices(JsonGenerator out, HostExposure h) throws IOException {
        out.writeArrayFieldStart("vfio_devices");
        for (VfioDevice d : h.devices()) {
            out.writeStartObject();
            out.writeStringField("address", d.address());
            out.writeStringField("driver", d.driver());
            out.writeNumberField("largest_bar_bytes", d.largestBarBytes());
            out.writeBooleanField("pud_sized", d.hasPudSizedBar());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void writeMappers(JsonGenerator out, HostExposure h) throws IOException {
        out.writeArrayFieldStart("vfio_mappers");
        for (VfioMapper m : h.mappers()) {
            out.writeStartObject();
            out.writeNumberField("pid", m.pid());
            out.writeStringField("comm", m.comm());
            out.writeNumberField("largest_mapping_bytes", m.largestMappingBytes());
            out.writeBooleanField("pud_sized", m.hasPudSizedMapping());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void writeReadiness(JsonGenerator out, HostExposure h) throws IOException {
        out.writeObjectFieldStart("agent");
        out.writeBooleanField("ready", h.agentReady());
        out.writeArrayFieldStart("checks");
        for (Finding f : h.readiness()) {
            out.writeStartObject();
            out.writeStringField("check", f.check());
            out.writeBooleanField("ok", f.ok());
            out.writeStringField("detail", f.detail());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
