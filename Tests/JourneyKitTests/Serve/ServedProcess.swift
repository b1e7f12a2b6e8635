import Foundation
import Testing

/// A `cjm serve` started for a test: listening on a port the system chose, on loopback, and
/// stopped by SIGINT when the test is done with it (also when the test fails: `deinit`).
final class ServedProcess {
    let process = Process()
    let port: UInt16
    let firstLine: String
    let standardError = Pipe()
    private let output = Pipe()

    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = CLI.executable
        process.arguments = ["serve"] + arguments + ["--port", "0"]
        process.currentDirectoryURL = directory
        process.standardOutput = output
        process.standardError = standardError
        try process.run()
        // The first line says where it listens; read it byte by byte so nothing after it is lost.
        var line = Data()
        let handle = output.fileHandleForReading
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        firstLine = String(decoding: line, as: UTF8.self)
        guard let portText = firstLine.split(separator: ":").last?.dropLast(), let port = UInt16(portText) else {
            process.terminate()
            throw Failure(message: "cjm serve printed no address: \"\(firstLine)\"")
        }
        self.port = port
    }

    /// Sends `signal` and waits up to `limit` seconds; returns the exit status and the time it took, or nil if still running.
    func stop(signal: Int32 = SIGINT, limit: TimeInterval = 5) -> (status: Int32, seconds: TimeInterval)? {
        guard process.isRunning else { return (process.terminationStatus, 0) }
        let start = Date()
        kill(process.processIdentifier, signal)
        while process.isRunning && Date().timeIntervalSince(start) < limit { usleep(10_000) }
        guard !process.isRunning else { return nil }
        return (process.terminationStatus, Date().timeIntervalSince(start))
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGINT)
            usleep(200_000)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// A raw HTTP/1.1 GET of `target` exactly as written (no client normalises `..` away), on
    /// 127.0.0.1; returns the status code and the body. Test-side only: the server uses FlyingFox.
    func get(_ target: String, method: String = "GET") throws -> (status: Int, body: String) {
        let connection = try Connection(port: port)
        try connection.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let response = connection.receiveAll(timeout: 10)
        guard let statusLine = response.split(separator: "\r\n").first,
              let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            throw Failure(message: "no HTTP response to \(target): \"\(response.prefix(200))\"")
        }
        let body = response.range(of: "\r\n\r\n").map { String(response[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    /// A connection to `/events`, read until `text` arrives or `timeout` passes.
    func openEvents() throws -> Connection {
        let connection = try Connection(port: port)
        try connection.send("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(connection.receive(until: ": connected", timeout: 10), "the event stream did not open")
        return connection
    }
}

/// A TCP connection to 127.0.0.1.
final class Connection {
    let descriptor: Int32
    private var received = Data()

    init(port: UInt16) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw ServedProcess.Failure(message: "cannot connect to 127.0.0.1:\(port)")
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw ServedProcess.Failure(message: "cannot send the request") }
            sent += count
        }
    }

    /// Reads until the peer closes or `timeout` seconds pass.
    func receiveAll(timeout: TimeInterval) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            let count = read(descriptor, &buffer, buffer.count)
            if count == 0 { break }
            if count > 0 { received.append(contentsOf: buffer[0..<count]) }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Reads until what was received contains `text`; false after `timeout` seconds.
    func receive(until text: String, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            if String(decoding: received, as: UTF8.self).contains(text) { return true }
            let count = read(descriptor, &buffer, buffer.count)
            if count == 0 { break }
            if count > 0 { received.append(contentsOf: buffer[0..<count]) }
        }
        return String(decoding: received, as: UTF8.self).contains(text)
    }

    /// Forgets what was received so far, so the next `read(until:)` waits for new text.
    func clear() { received.removeAll() }
}
