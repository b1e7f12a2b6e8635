#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Tells when something may have changed in the watched directories: inotify on Linux (which
/// also sees editors that save by writing a new file and renaming it over the old one), and
/// polling every half second elsewhere or when inotify is not available. The caller compares
/// the files itself, so a spurious wake-up costs a few `stat` calls.
final class FileWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var descriptor: Int32 = -1
    private var stopped = false
    private var continuation: AsyncStream<Void>.Continuation?
    private let pollInterval: Int32 = 500

    init(directories: [String]) {
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        #endif
        watch(directories)
    }

    /// Adds directories to the watch (again: adding a watched directory changes nothing).
    func watch(_ directories: [String]) {
        #if canImport(Glibc)
        guard descriptor >= 0 else { return }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
        for directory in directories { _ = inotify_add_watch(descriptor, directory, mask) }
        #endif
    }

    /// One element per possible change, until `stop()`.
    func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        lock.withLock { self.continuation = continuation }
        let thread = Thread { [self] in self.loop() }
        thread.name = "cjm file watcher"
        thread.start()
        return stream
    }

    func stop() {
        lock.withLock {
            stopped = true
            continuation?.finish()
        }
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !lock.withLock({ stopped }) {
            var changed = false
            #if canImport(Glibc)
            if descriptor >= 0 {
                var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                if poll(&entry, 1, pollInterval) > 0 {
                    while read(descriptor, &buffer, buffer.count) > 0 { changed = true }
                    // Editors write in bursts (temporary file, rename, attributes): wait for the burst to end.
                    usleep(50_000)
                    while read(descriptor, &buffer, buffer.count) > 0 {}
                } else {
                    // A quiet period: look anyway now and then, for directories created after the watch.
                    changed = true
                }
            } else {
                usleep(useconds_t(pollInterval) * 1000)
                changed = true
            }
            #else
            usleep(useconds_t(pollInterval) * 1000)
            changed = true
            #endif
            if changed { lock.withLock { _ = continuation?.yield() } }
        }
        #if canImport(Glibc)
        if descriptor >= 0 { close(descriptor) }
        #endif
    }
}
