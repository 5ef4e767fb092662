package io.pudwatch.bcc;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The few libc functions the binding needs beside libbcc, under their C names. */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int PROT_READ = 0x1;
    int PROT_WRITE = 0x2;
    int MAP_SHARED = 0x01;
    Pointer MAP_FAILED = new Pointer(-1);

    int EPOLL_CLOEXEC = 0x80000;
    int EPOLL_CTL_ADD = 1;
    int EPOLLIN = 0x001;

    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    int munmap(Pointer addr, long length);

    int epoll_create1(int flags);

    int epoll_ctl(int epfd, int op, int fd, Pointer event);

    int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMs);

    int close(int fd);

    int setenv(String name, String value, int overwrite);

    long sysconf(int name);

    long syscall(long number, int cmd, Pointer attr, int size);

    int _SC_PAGESIZE = 30;
}
