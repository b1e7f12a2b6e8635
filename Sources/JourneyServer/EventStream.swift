import FlyingFox
import FlyingSocks

/// Sends Server-Sent Events to every open page: `event: reload` when a served file changed,
/// and a comment every few seconds so that a closed page's stream is noticed and dropped.
actor EventBroadcaster {
    private var continuations: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    private var heartbeat: Task<Void, Never>?

    /// A new stream, or nil when `limit` streams are open already.
    func subscribe(limit: Int) -> EventByteStream? {
        guard continuations.count < limit else { return nil }
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        // The first bytes open the stream at once in the browser (`retry` sets the reconnect delay).
        continuation.yield(Array("retry: 500\n: connected\n\n".utf8))
        continuations[id] = continuation
        if heartbeat == nil {
            heartbeat = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: 10_000_000_000)
                    self.broadcast(Array(": ping\n\n".utf8))
                }
            }
        }
        return EventByteStream(stream: stream)
    }

    /// Sends `event: NAME` to every open stream.
    func send(_ name: String) {
        broadcast(Array("event: \(name)\ndata: \(name)\n\n".utf8))
    }

    private func broadcast(_ bytes: [UInt8]) {
        for continuation in continuations.values { continuation.yield(bytes) }
    }

    private func remove(_ id: Int) {
        continuations[id] = nil
    }
}

/// The bytes of one event stream, in the shape FlyingFox sends as a chunked response body.
struct EventByteStream: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.AsyncIterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty { pending = await base.next() ?? [] }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk
            }
            let taken = Array(pending.prefix(count))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
