// The one file of `cjm` that knows which C library it runs on. The POSIX calls the other files
// make (open, fstat, rename, mkstemp, …) have the same names on Linux and macOS, so the C
// library is re-exported to the whole module from here; the calls whose Swift spelling differs
// between platforms, and the process-wide settings, are the members of `Platform`.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Darwin)
@_exported import Darwin
#else
#error("cjm needs a POSIX C library: Glibc (Linux) or Darwin (macOS)")
#endif

/// Platform-specific calls, each written once for Linux and once for macOS.
enum Platform {
    /// POSIX `write(2)`: writes up to `count` bytes from `bytes`; returns how many, or -1 with `errno` set.
    ///
    /// Named through the C library's module because `write` is also the name of methods that
    /// call it, which would otherwise shadow the C function.
    static func write(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// POSIX `read(2)`: reads up to `count` bytes into `buffer`; returns how many (0 at the end),
    /// or -1 with `errno` set.
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// The cores this process may run on (at least 1).
    static var processorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Makes writing to a closed pipe (`cjm export … | head`, a `dot` that exited early) fail with
    /// `EPIPE` instead of killing the process with SIGPIPE. Process-wide, so only the executable
    /// calls it, once, at start; the library never touches signals.
    static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }
}
