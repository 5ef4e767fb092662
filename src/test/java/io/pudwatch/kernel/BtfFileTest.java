package io.pudwatch.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BtfFileTest {
    /** A little BTF image built by hand, shaped like vm_area_struct since 6.3. */
    private static byte[] image() {
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        strings.write(0);
        int longName = add(strings, "long");
        int vmFlags = add(strings, "vm_flags");
        int privFlags = add(strings, "__vm_flags");
        int vma = add(strings, "vm_area_struct");
        int vmStart = add(strings, "vm_start");
        int vmMm = add(strings, "vm_mm");
        int func = add(strings, "walk_page_vma");

        ByteBuffer types = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        type(types, longName, 1, 0, 8).putInt(64); // [1] INT long
        type(types, 0, 2, 0, 1); // [2] PTR -> long
        type(types, 0, 5, 2, 8); // [3] anonymous UNION
        member(types, vmFlags, 1, 0);
        member(types, privFlags, 1, 0);
        type(types, 0, 10, 0, 3); // [4] CONST -> [3]
        type(types, vma, 4, 3, 40); // [5] STRUCT vm_area_struct
        member(types, vmStart, 1, 0);
        member(types, vmMm, 2, 128);
        member(types, 0, 4, 256);
        type(types, func, 12, 0, 0); // [6] FUNC walk_page_vma
        int typeLen = types.position();

        byte[] str = strings.toByteArray();
        ByteBuffer all =
                ByteBuffer.allocate(24 + typeLen + str.length).order(ByteOrder.LITTLE_ENDIAN);
        all.putShort((short) 0xeB9F).put((byte) 1).put((byte) 0).putInt(24);
        all.putInt(0).putInt(typeLen).putInt(typeLen).putInt(str.length);
        all.put(types.array(), 0, typeLen).put(str);
        return all.array();
    }

    private static int add(ByteArrayOutputStream strings, String s) {
        int at = strings.size();
        strings.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        strings.write(0);
        return at;
    }

    private static ByteBuffer type(ByteBuffer b, int name, int kind, int vlen, int sizeOrType) {
        return b.putInt(name).putInt((kind << 24) | vlen).putInt(sizeOrType);
    }

    private static void member(ByteBuffer b, int name, int type, int bitOffset) {
        b.putInt(name).putInt(type).putInt(bitOffset);
    }

    @Test
    void aDirectMemberOffsetIsItsBitOffsetInBytes() {
        BtfFile btf = BtfFile.parse(image());
        assertThat(btf.memberOffset("vm_area_struct", "vm_mm")).isEqualTo(16);
        assertThat(btf.typeCount()).isEqualTo(6);
    }

    @Test
    void aMemberInsideAnAnonymousConstUnionIsFound() {
        BtfFile btf = BtfFile.parse(image());
        assertThat(btf.memberOffset("vm_area_struct", "vm_flags")).isEqualTo(32);
        assertThat(btf.memberOffset("vm_area_struct", "__vm_flags")).isEqualTo(32);
    }

    @Test
    void absentStructsAndMembersAreMinusOne() {
        BtfFile btf = BtfFile.parse(image());
        assertThat(btf.memberOffset("vm_area_struct", "vm_pgoff")).isEqualTo(-1);
        assertThat(btf.memberOffset("mm_walk", "ops")).isEqualTo(-1);
    }

    @Test
    void functionsAreKnownByExactName() {
        BtfFile btf = BtfFile.parse(image());
        assertThat(btf.hasFunction("walk_page_vma")).isTrue();
        assertThat(btf.functionId("walk_page_vma")).isEqualTo(6);
        assertThat(btf.hasFunction("walk_page_vma.isra.0")).isFalse();
    }

    @Test
    void dataWithoutTheMagicNumberIsRefused() {
        assertThatThrownBy(() -> BtfFile.parse(new byte[24])).hasMessageContaining("magic");
    }
}
