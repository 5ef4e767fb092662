package io.pudwatch.doctor;

/**
 * One check of whether the agent can run here.
 *
 * @param check a short name: {@code btf}, {@code kprobes}, {@code capabilities}, ...
 * @param ok whether the agent has what it needs
 * @param detail what was found and, when not ok, what to do
 */
public record Finding(String check, boolean ok, String detail) {}
