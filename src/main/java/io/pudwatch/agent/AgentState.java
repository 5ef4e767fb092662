package io.pudwatch.agent;

/** Where the agent's feeder thread is in its life. */
public enum AgentState {
    STARTING,
    /** The source is delivering events. */
    RUNNING,
    /** A finite source (a trace) ended; the agent keeps serving what it found. */
    INPUT_ENDED,
    /** The source failed; the message says why. */
    FAILED,
    STOPPED
}
