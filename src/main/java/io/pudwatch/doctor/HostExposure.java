package io.pudwatch.doctor;

import java.util.List;

/**
 * What {@link HostDoctor#assess} found: the verdict with its reasons, the facts behind it, and
 * whether the agent itself can run here.
 *
 * @param kernelRelease the release as the kernel reports it, or {@code null} if unreadable
 * @param arch the machine architecture ({@code x86_64}), or {@code null} if unreadable
 * @param reasons whole sentences, most important first, saying why the verdict is what it is
 * @param unreadableProcesses processes whose maps could not be read (exited, or not root)
 */
public record HostExposure(
        Verdict verdict,
        String kernelRelease,
        KernelClass kernelClass,
        String arch,
        List<VfioDevice> devices,
        List<VfioMapper> mappers,
        int unreadableProcesses,
        List<String> reasons,
        List<Finding> readiness) {

    /** Whether every readiness check passed. */
    public boolean agentReady() {
        return readiness.stream().allMatch(Finding::ok);
    }
}
