package io.pudwatch.simulate;

/** Which walker the simulated kernel runs. */
public enum KernelBehaviour {
    /**
     * v6.12 to the fix (6.12.0-6.12.83, 6.13-6.17, 6.18.0-6.18.20): after a split the walker
     * re-checks only {@code pud_none()}, so a reinstall in between sends it down into the leaf.
     */
    VULNERABLE,
    /**
     * With "mm/pagewalk: fix race between concurrent split and refault" (3b89863c3fa4, v7.0-rc6;
     * 6.18.21, 6.12.84): the walker sees the leaf and splits again ({@code ACTION_AGAIN}).
     */
    FIXED
}
