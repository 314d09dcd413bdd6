package io.ipcbench.transport.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The few libc calls ipcbench needs, bound with JNA direct mapping: primitive arguments only on
 * anything called per message (futex), so that a call allocates nothing. Memory arguments are raw
 * addresses of direct memory the caller owns.
 */
public final class LibC
{
    public static final int RUSAGE_SELF = 0;
    public static final int RUSAGE_THREAD = 1;

    public static final long SYS_GETPID = 39;
    public static final long SYS_FUTEX = 202;
    public static final int FUTEX_WAIT = 0;
    public static final int FUTEX_WAKE = 1;

    public static final int F_SETPIPE_SZ = 1031;
    public static final int F_GETPIPE_SZ = 1032;

    public static final int O_RDWR = 2;
    public static final int O_NONBLOCK = 04000;
    public static final int O_CLOEXEC = 02000000;
    public static final int O_DIRECTORY = 0200000;

    public static final int LOCK_EX = 2;
    public static final int LOCK_NB = 4;
    public static final int EWOULDBLOCK = 11;

    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EEXIST = 17;
    public static final int ETIMEDOUT = 110;

    static
    {
        Native.register(LibC.class, NativeLibrary.getInstance("c"));
    }

    private LibC()
    {
    }

    public static native int mkfifo(String path, int mode) throws LastErrorException;

    public static native int open(String path, int flags) throws LastErrorException;

    public static native int close(int fd) throws LastErrorException;

    public static native int flock(int fd, int operation) throws LastErrorException;

    /** read(2); -1 on error (errno not kept: callers treat it as "nothing now"). */
    public static native long read(int fd, long address, long count);

    /** write(2); -1 on error. */
    public static native long write(int fd, long address, long count);

    public static final short POLLIN = 1;

    /** poll(2) on {@code nfds} struct pollfd at {@code fds}; returns the number ready, 0 on timeout, -1 on error. */
    public static native int poll(long fds, long nfds, int timeoutMs);

    public static native int fcntl(int fd, int cmd, int arg) throws LastErrorException;

    public static native int sched_setaffinity(int pid, long cpuSetSize, long maskAddress) throws LastErrorException;

    public static native int sched_getaffinity(int pid, long cpuSetSize, long maskAddress) throws LastErrorException;

    public static native int sched_getcpu();

    public static native int getrusage(int who, long rusageAddress) throws LastErrorException;

    public static native int gettid();

    public static final int SIGINT = 2;
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;
    public static final int SIGSTOP = 19;
    public static final int SIGCONT = 18;

    public static native int getpid();

    /** setsid(2): a new session and process group, led by the caller. */
    public static native int setsid() throws LastErrorException;

    public static native int kill(int pid, int signal) throws LastErrorException;

    /** The raw system call; returns -1 with errno set (retrievable with {@link Native#getLastError()}). */
    public static native long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);

    /** A raw system call with no work behind it, for calibration: getpid through syscall(2). */
    public static long getpidSyscall()
    {
        return syscall(SYS_GETPID, 0, 0, 0, 0, 0, 0);
    }
}
