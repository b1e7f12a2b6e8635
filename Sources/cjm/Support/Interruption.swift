/// What cjm cleans up when SIGINT, SIGTERM or SIGHUP ends it: the temporary file of a write
/// in progress is removed, and a child program (`dot`) gets the same signal and is waited
/// for. Then cjm ends with the signal, as the caller expects.
///
/// The handler may only make async-signal-safe calls, so the state it reads is two plain
/// values, set by the main thread.
enum Interruption {
    /// The temporary file to remove, as a C string, or `nil`.
    nonisolated(unsafe) static var temporaryPath: UnsafeMutablePointer<CChar>?
    /// The child process to pass the signal on to, or 0.
    nonisolated(unsafe) static var childProcess: pid_t = 0
    nonisolated(unsafe) private static var installed = false

    /// Installs the handlers, once; safe to call again.
    static func install() {
        guard !installed else { return }
        installed = true
        // A mask inherited from the parent (a test runner's thread, some supervisors) would
        // hold these signals until exit and so defeat the clean-up: let them through.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(signalNumber) { received in
                // Only async-signal-safe calls: kill, waitpid, unlink, signal, raise.
                let child = Interruption.childProcess
                if child > 0 {
                    kill(child, received)
                    waitpid(child, nil, 0)
                }
                if let path = Interruption.temporaryPath { unlink(path) }
                signal(received, SIG_DFL)
                raise(received)
            }
            // A signal the caller chose to ignore (nohup) stays ignored.
            if let previous, unsafeBitCast(previous, to: Int.self) == 1 {
                signal(signalNumber, SIG_IGN)
            }
        }
    }
}
