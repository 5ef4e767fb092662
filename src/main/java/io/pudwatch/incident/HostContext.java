package io.pudwatch.incident;

import io.pudwatch.doctor.HostExposure;

/**
 * The host facts every incident record carries: which host, which kernel, and what the doctor said
 * about its exposure when the agent started.
 *
 * @param kernelClass {@code vulnerable}, {@code fixed}, {@code not_affected} or {@code unknown}
 * @param exposure {@code exposed}, {@code not_exposed} or {@code unknown}
 */
public record HostContext(String host, String kernelRelease, String kernelClass, String exposure) {

    /** The context of {@code host} as the doctor assessed it. */
    public static HostContext of(String host, HostExposure exposure) {
        return new HostContext(
                host,
                exposure.kernelRelease(),
                exposure.kernelClass().label(),
                exposure.verdict().label());
    }
}
