package io.pudwatch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListenAddressTest {
    @Test
    void hostAndPortAreSplitAtTheLastColon() {
        assertThat(ListenAddress.parse("127.0.0.1:9742"))
                .isEqualTo(new ListenAddress("127.0.0.1", 9742));
        assertThat(ListenAddress.parse("[::1]:80")).isEqualTo(new ListenAddress("::1", 80));
        assertThat(ListenAddress.parse(":9100")).isEqualTo(new ListenAddress("0.0.0.0", 9100));
    }

    @Test
    void badAddressesSayWhichFormsWork() {
        assertThatThrownBy(() -> ListenAddress.parse("9742")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> ListenAddress.parse("::1:80")).hasMessageContaining("[::1]:9742");
        assertThatThrownBy(() -> ListenAddress.parse("host:http")).hasMessageContaining("port");
        assertThatThrownBy(() -> ListenAddress.parse("host:70000")).hasMessageContaining("65535");
    }
}
