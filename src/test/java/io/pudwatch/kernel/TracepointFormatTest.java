package io.pudwatch.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TracepointFormatTest {
    @Test
    void fieldOffsetsAreReadFromTheFormatFile() {
        TracepointFormat format =
                TracepointFormat.parse(
                        List.of(
                                "name: page_fault_kernel",
                                "format:",
                                "\tfield:unsigned short common_type;\toffset:0;\tsize:2;"
                                        + "\tsigned:0;",
                                "\tfield:unsigned long address;\toffset:8;\tsize:8;\tsigned:0;",
                                "\tfield:unsigned long ip;\toffset:16;\tsize:8;\tsigned:0;",
                                "\tfield:struct mm_struct * mm;\toffset:24;\tsize:8;\tsigned:0;",
                                "\tfield:char comm[16];\toffset:32;\tsize:16;\tsigned:0;"));

        assertThat(format.offsetOr("address", -1)).isEqualTo(8);
        assertThat(format.offsetOr("ip", -1)).isEqualTo(16);
        assertThat(format.offsetOr("mm", -1)).isEqualTo(24);
        assertThat(format.offsetOr("comm", -1)).isEqualTo(32);
        assertThat(format.hasField("error_code")).isFalse();
    }

    @Test
    void possibleCpuListsGiveTheHighestCpuPlusOne() {
        assertThat(PossibleCpus.parse("0-1\n")).isEqualTo(2);
        assertThat(PossibleCpus.parse("0-3,8-11")).isEqualTo(12);
        assertThat(PossibleCpus.parse("0")).isEqualTo(1);
    }
}
