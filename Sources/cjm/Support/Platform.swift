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

    /// Maps the first `size` bytes of the open file into memory, read-only and private, or
    /// `nil` when the system refuses.
    static func mapReadOnly(_ descriptor: Int32, size: Int) -> UnsafeRawPointer? {
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        return UnsafeRawPointer(address)
    }

    /// Removes a mapping made by `mapReadOnly`.
    static func unmap(_ address: UnsafeRawPointer, size: Int) {
        _ = munmap(UnsafeMutableRawPointer(mutating: address), size)
    }

    /// Lets the system drop the pages of a file mapping from `address` on for `count` bytes
    /// (whole pages): they leave the process's memory, and are read back from the file if
    /// touched again, so this changes no byte the program sees.
    static func dropMappedPages(_ address: UnsafeRawPointer, count: Int) {
        _ = madvise(UnsafeMutableRawPointer(mutating: address), count, MADV_DONTNEED)
    }

    /// A file's modification time to the nanosecond, as `stat` gives it.
    struct FileTime: Equatable {
        var seconds: Int
        var nanoseconds: Int
    }

    /// The modification time in a `stat` result (`st_mtim` on Linux, `st_mtimespec` on macOS).
    static func modificationTime(_ status: stat) -> FileTime {
        #if canImport(Glibc)
        FileTime(seconds: Int(status.st_mtim.tv_sec), nanoseconds: Int(status.st_mtim.tv_nsec))
        #else
        FileTime(seconds: Int(status.st_mtimespec.tv_sec), nanoseconds: Int(status.st_mtimespec.tv_nsec))
        #endif
    }

    /// The size of a memory page in bytes.
    static var pageSize: Int {
        Int(sysconf(Int32(_SC_PAGESIZE)))
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
