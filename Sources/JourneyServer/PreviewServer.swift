import Dispatch
import FlyingFox
import Foundation
import JourneyKit

/// The live preview behind `cjm serve`: the report's index at `/`, a journey's page at
/// `/journeys/KEY`, and `/events`, a Server-Sent Events stream that says `reload` whenever a
/// served file changes. Nothing else: every other path is a 404 answered from the routing
/// table alone, so no request ever reaches the file system.
public final class PreviewServer: Sendable {
    /// What to serve and how.
    public struct Configuration: Sendable {
        /// The address to listen on; loopback unless the user asked otherwise.
        public var host: String
        /// The port; 0 lets the system choose.
        public var port: UInt16
        /// The served journey files, listed anew on every change (a directory's new files appear).
        public var listFiles: @Sendable () -> [String]
        /// Reads and checks one file into a report entry (invalid files show their errors).
        public var load: @Sendable (String) -> ReportedJourney
        /// The directories to watch for changes.
        public var watchedDirectories: @Sendable () -> [String]
        /// The other files a served file was read with (the catalogues a journey uses), asked
        /// after each reading: a change to one of them reloads the file's pages too.
        public var dependencies: @Sendable (String) -> [String]
        /// The report page's initial state (persona, scenario, language).
        public var report: JourneyReportOptions
        /// At most this many open live-reload streams; more get 503.
        public var maxEventStreams: Int
        /// Requests whose target is longer than this are answered 404 without being looked at further.
        public var maxTargetLength: Int

        public init(host: String, port: UInt16, listFiles: @escaping @Sendable () -> [String],
                    load: @escaping @Sendable (String) -> ReportedJourney,
                    watchedDirectories: @escaping @Sendable () -> [String],
                    dependencies: @escaping @Sendable (String) -> [String] = { _ in [] },
                    report: JourneyReportOptions = JourneyReportOptions(),
                    maxEventStreams: Int = 64, maxTargetLength: Int = 2048) {
            self.host = host
            self.port = port
            self.listFiles = listFiles
            self.load = load
            self.watchedDirectories = watchedDirectories
            self.dependencies = dependencies
            self.report = report
            self.maxEventStreams = maxEventStreams
            self.maxTargetLength = maxTargetLength
        }
    }

    /// Whether `host` is a loopback address (127.0.0.0/8, ::1 or localhost).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    private let configuration: Configuration
    private let state: ServedJourneys
    private let events = EventBroadcaster()

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        var options = configuration.report
        options.liveReload = true
        options.links = .pages(prefix: "/journeys/")
        self.state = ServedJourneys(options: options)
    }

    /// Starts listening; calls `onListening` with the port once the socket is bound, then serves
    /// until the task is cancelled or the process ends.
    public func run(onListening: @escaping @Sendable (_ count: Int, _ port: UInt16) -> Void) async throws {
        let host = configuration.host == "localhost" ? "127.0.0.1" : configuration.host
        let address = try sockaddr_in.inet(ip4: host, port: configuration.port)
        let server = HTTPServer(address: address, timeout: 10, logger: .disabled)
        let state = state
        let events = events
        let configuration = configuration
        await state.reload(configuration)
        // One route for everything: `page(for:)` is the whole routing table, so that every path
        // it does not know is a 404 there, never a file lookup.
        await server.appendRoute("*", handler: { request in
            await Self.page(for: request, state: state, events: events, configuration: configuration)
        })
        let watcher = FileWatcher(directories: configuration.watchedDirectories() + (await state.dependencyFolders))
        let watching = Task.detached {
            for await _ in watcher.changes() {
                if await state.reload(configuration) {
                    await events.send("reload")
                }
                watcher.watch(configuration.watchedDirectories() + (await state.dependencyFolders))
            }
        }
        defer { watching.cancel(); watcher.stop() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening(timeout: 10)
                if case .ip4(_, let port)? = await server.listeningAddress {
                    onListening(await state.count, port)
                } else if case .ip6(_, let port)? = await server.listeningAddress {
                    onListening(await state.count, port)
                }
            }
            try await group.waitForAll()
        }
    }

    /// Answers one request from the routing table; unknown paths are 404 without further ado.
    static func page(for request: HTTPRequest, state: ServedJourneys, events: EventBroadcaster,
                     configuration: Configuration) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            var headers = HTTPHeaders()
            headers[HTTPHeader("Allow")] = "GET"
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        let target = request.path
        guard target.utf8.count <= configuration.maxTargetLength else { return notFound() }
        if target == "/" {
            return html(await state.indexPage())
        }
        if target == "/events" {
            guard let stream = await events.subscribe(limit: configuration.maxEventStreams) else {
                return HTTPResponse(statusCode: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                                    body: Data("too many open previews\n".utf8))
            }
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream", .cacheControl: "no-store",
                                          HTTPHeader("X-Accel-Buffering"): "no"],
                                body: HTTPBodySequence(from: stream))
        }
        let prefix = "/journeys/"
        if target.hasPrefix(prefix) {
            let key = String(target.dropFirst(prefix.count))
            // The key is looked up among the served journeys only, never used as a path.
            if !key.isEmpty, !key.contains("/"), let page = await state.journeyPage(key: key) {
                return html(page)
            }
        }
        return notFound()
    }

    private static func html(_ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok,
                     headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                               HTTPHeader("Content-Security-Policy"): "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:",
                               HTTPHeader("X-Content-Type-Options"): "nosniff"],
                     body: Data(text.utf8))
    }

    private static func notFound() -> HTTPResponse {
        HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("not found\n".utf8))
    }

    /// Calls `handler` once on the first SIGINT or SIGTERM (Ctrl-C, `kill`) instead of the default
    /// of dying by the signal, so that the command can stop and exit 0. Installed before the
    /// server listens, so no signal is lost in between.
    public static func onStopSignal(_ handler: @escaping @Sendable () -> Void) {
        let handled = LockedValue(false)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                let first = handled.withLock { done in
                    defer { done = true }
                    return !done
                }
                if first { handler() }
            }
            source.resume()
            sources.append(source)
        }
        SignalSources.keep(sources)
    }
}

/// Keeps the signal sources alive (a released dispatch source stops delivering).
private enum SignalSources {
    nonisolated(unsafe) static var kept: [any DispatchSourceSignal] = []
    static func keep(_ sources: [any DispatchSourceSignal]) { kept += sources }
}

/// A tiny lock around a value, for the signal handlers.
final class LockedValue<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// The served files and their pages, re-read when something changes on disk.
actor ServedJourneys {
    private let options: JourneyReportOptions
    private var files: [ReportedJourney] = []
    /// Each served file's signature, and its dependencies', at the last reading.
    private var signatures: [String: ServedSignature] = [:]
    /// The files each served file was read with (its catalogues).
    private var dependencies: [String: [String]] = [:]

    init(options: JourneyReportOptions) {
        self.options = options
    }

    var count: Int { files.count }

    /// The folders of the files the served files depend on, to watch with the served ones.
    var dependencyFolders: [String] {
        var seen: Set<String> = []
        return dependencies.keys.sorted().flatMap { dependencies[$0] ?? [] }.compactMap { path in
            guard let slash = path.lastIndex(of: "/") else { return "." }
            let folder = slash == path.startIndex ? "/" : String(path[..<slash])
            return seen.insert(folder).inserted ? folder : nil
        }
    }

    private func signature(of path: String) -> ServedSignature {
        ServedSignature(file: FileSignature(path: path),
                        dependencies: (dependencies[path] ?? []).map { ServedSignature.Dependency(path: $0, signature: FileSignature(path: $0)) })
    }

    /// Re-reads the files whose signature changed (and lists the served directories anew);
    /// returns whether anything changed.
    @discardableResult
    func reload(_ configuration: PreviewServer.Configuration) -> Bool {
        let paths = configuration.listFiles()
        var newSignatures: [String: ServedSignature] = [:]
        for path in paths { newSignatures[path] = signature(of: path) }
        guard newSignatures != signatures || files.isEmpty && !paths.isEmpty else { return false }
        let previous = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var keys: Set<String> = []
        files = paths.map { path in
            var file: ReportedJourney
            if newSignatures[path] == signatures[path], let unchanged = previous[path] {
                file = unchanged
            } else {
                file = configuration.load(path)
                // What it was read with is known only now: signed after reading.
                dependencies[path] = configuration.dependencies(path)
                newSignatures[path] = signature(of: path)
            }
            // Two files with the same journey id (or an invalid file's name) get distinct keys.
            var key = file.key
            var number = 2
            while keys.contains(key) {
                key = file.key + "-\(number)"
                number += 1
            }
            keys.insert(key)
            file.key = key
            return file
        }
        signatures = newSignatures
        return true
    }

    func indexPage() -> String { JourneyReportPage(options).html(files) }

    func journeyPage(key: String) -> String? {
        files.first { $0.key == key }.map { JourneyReportPage(options).journeyPage($0, portfolio: files) }
    }
}

/// A served file's signature with those of the files it was read with.
struct ServedSignature: Hashable {
    struct Dependency: Hashable {
        var path: String
        var signature: FileSignature?
    }

    var file: FileSignature?
    var dependencies: [Dependency]
}

/// What tells a saved file from the one read before: size, modification time and inode (an
/// editor that saves by renaming changes the inode even when size and time look the same).
struct FileSignature: Hashable {
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int64
    var inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        size = Int64(status.st_size)
        #if canImport(Darwin)
        modified = Int64(status.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int64(status.st_mtimespec.tv_nsec)
        #else
        modified = Int64(status.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(status.st_mtim.tv_nsec)
        #endif
        inode = UInt64(status.st_ino)
    }
}
