/// What cjm cleans up when SIGINT, SIGTERM or SIGHUP ends it: the temporary file of a write
/// in progress is removed, and a child program (`dot`) gets the same signal and is waited
/// for. Then cjm ends with the signal, as the caller expects.
///
/// The handler may only make async-signal-safe calls, so the state it reads is two plain
/// values, set by the main thread.
enum Interruption {
    /// The temporary file to remove, as a C string, or `nil`.
    nonisolated(unsafe) static var temporaryPath: UnsafeMutablePointer<CChar>?
    /// The child process to pass the signal on to, 0 for none, or `starting` while one starts.
    nonisolated(unsafe) private static var childProcess: pid_t = 0
    /// A signal that arrived while the child was starting, handled once its id is known.
    nonisolated(unsafe) private static var pendingSignal: Int32 = 0
    private static let starting: pid_t = -1
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
                // A child being started has no id to pass the signal to yet: `started` does it.
                guard Interruption.childProcess != Interruption.starting else {
                    Interruption.pendingSignal = received
                    return
                }
                Interruption.stop(on: received)
            }
            // A signal the caller chose to ignore (nohup) stays ignored.
            if let previous, unsafeBitCast(previous, to: Int.self) == 1 {
                signal(signalNumber, SIG_IGN)
            }
        }
    }

    /// Runs `start`, which starts a child process and returns its id, so that a signal arriving
    /// at any moment reaches the child: one arriving before its id is known waits until it is.
    static func startingChild(_ start: () throws -> pid_t) rethrows {
        childProcess = starting
        do {
            childProcess = try start()
        } catch {
            childProcess = 0
            if pendingSignal != 0 { stop(on: pendingSignal) }
            throw error
        }
        if pendingSignal != 0 { stop(on: pendingSignal) }
    }

    /// The child has ended: a signal no longer goes to it.
    static func childEnded() {
        childProcess = 0
    }

    /// Passes `received` on to the child and waits for it, removes the temporary file, and
    /// ends the process with that signal. Only async-signal-safe calls: kill, waitpid, unlink,
    /// signal, raise.
    private static func stop(on received: Int32) {
        let child = childProcess
        if child > 0 {
            kill(child, received)
            waitpid(child, nil, 0)
        }
        if let path = temporaryPath { unlink(path) }
        signal(received, SIG_DFL)
        raise(received)
    }
}
