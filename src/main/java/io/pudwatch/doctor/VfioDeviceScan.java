package io.pudwatch.doctor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the PCI devices bound to VFIO drivers under {@code ROOT/sys/bus/pci/drivers} and reads
 * their BAR sizes from {@code ROOT/sys/bus/pci/devices/ADDR/resource}.
 */
final class VfioDeviceScan {
    private static final Pattern PCI_ADDRESS =
            Pattern.compile("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");
    // The first six lines of a resource file are BARs 0-5; the ROM and bridge windows follow.
    private static final int BARS = 6;
    // IORESOURCE_MEM, include/linux/ioport.h.
    private static final long IORESOURCE_MEM = 0x200;

    private VfioDeviceScan() {}

    /** The result, or why the scan could not be done. */
    record Result(List<VfioDevice> devices, String problem) {}

    static Result scan(Path root) {
        Path drivers = root.resolve("sys/bus/pci/drivers");
        if (!Files.isDirectory(drivers)) {
            return new Result(List.of(), drivers + " is missing: is sysfs mounted?");
        }
        List<VfioDevice> devices = new ArrayList<>();
        // vfio-pci and its variant drivers (nvgrace-gpu-vfio-pci, mlx5_vfio_pci, ...) all carry
        // "vfio" in their name and all map BARs through the vfio-pci core's fault handler.
        try (DirectoryStream<Path> all = Files.newDirectoryStream(drivers, "*vfio*")) {
            for (Path driver : all) {
                addBoundDevices(root, driver, devices);
            }
        } catch (IOException e) {
            return new Result(List.of(), drivers + " cannot be listed: " + e.getMessage());
        }
        devices.sort((a, b) -> a.address().compareTo(b.address()));
        return new Result(List.copyOf(devices), null);
    }

    private static void addBoundDevices(Path root, Path driver, List<VfioDevice> devices)
            throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(driver)) {
            for (Path entry : entries) {
                String address = entry.getFileName().toString();
                if (PCI_ADDRESS.matcher(address).matches()) {
                    Path resource = root.resolve("sys/bus/pci/devices").resolve(address);
                    long bar = largestBar(resource.resolve("resource"));
                    devices.add(new VfioDevice(address, driver.getFileName().toString(), bar));
                }
            }
        }
    }

    /** The size of the largest memory BAR in a sysfs resource file, 0 if unreadable. */
    static long largestBar(Path resource) {
        List<String> lines;
        try {
            lines = Files.readAllLines(resource);
        } catch (IOException e) {
            return 0;
        }
        long largest = 0;
        for (int i = 0; i < Math.min(BARS, lines.size()); i++) {
            String[] fields = lines.get(i).trim().split("\\s+");
            if (fields.length < 3) {
                continue;
            }
            long start = parseHex(fields[0]);
            long end = parseHex(fields[1]);
            long flags = parseHex(fields[2]);
            if ((flags & IORESOURCE_MEM) != 0 && end > start) {
                largest = Math.max(largest, end - start + 1);
            }
        }
        return largest;
    }

    private static long parseHex(String field) {
        String digits = field.startsWith("0x") ? field.substring(2) : field;
        try {
            return Long.parseUnsignedLong(digits, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
