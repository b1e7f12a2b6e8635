import ArgumentParser
import JourneyKit

/// Options shared by every command that reads journey files.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("max-file-size"),
            help: ArgumentHelp("Refuse input files larger than this many megabytes.", valueName: "MB"))
    var maxFileSizeMegabytes: Int = 100

    /// The largest limit: a file of a terabyte is no journey, and the limit in bytes must fit an `Int`.
    static let largestMaxFileSize = 1_048_576

    var maxFileSize: Int { maxFileSizeMegabytes * 1_048_576 }

    @Option(name: .customLong("stdin-name"),
            help: ArgumentHelp("The name to report a journey read from standard input (`-`) by; its ending says the format.",
                               valueName: "name"))
    var standardInputName: String?

    @Option(name: .customLong("format-in"),
            help: ArgumentHelp("The format of a journey read from standard input (`-`): json or xml (default: by --stdin-name, else by content).",
                               valueName: "format"))
    var standardInputFormat: JourneyFormat?

    func validate() throws {
        guard (1...Self.largestMaxFileSize).contains(maxFileSizeMegabytes) else {
            throw ValidationError("--max-file-size must be a whole number of megabytes from 1 to \(Self.largestMaxFileSize); got \(maxFileSizeMegabytes)")
        }
        if let standardInputName, let named = JourneyFormat.named(by: standardInputName), let standardInputFormat,
           named != standardInputFormat {
            throw ValidationError("--stdin-name \(standardInputName) names a \(named.rawValue.uppercased()) file but --format-in says \(standardInputFormat.rawValue); give one of them")
        }
    }

    /// The name messages give the file `path`: `--stdin-name` (or `<stdin>`) for `-`, else the path.
    func displayName(for path: String) -> String {
        path == InputFiles.standardInput ? standardInputName ?? "<stdin>" : path
    }

    /// The format `--format-in` (or `--stdin-name`) sets for `path` when it is `-`; `nil` to
    /// detect it by the name and content as for any file.
    func format(for path: String) -> JourneyFormat? {
        guard path == InputFiles.standardInput else { return nil }
        return standardInputFormat ?? standardInputName.flatMap(JourneyFormat.named(by:))
    }
}

/// Why a file could not be read, in words for people.
struct FileReadError: Error {
    var path: String
    var message: String
    var hint: String?
}

/// Reads input files: regular files and pipes (`-` for standard input, `<(command)`), within
/// the size cap, with clear reasons on failure.
enum InputFiles {
    /// The file name that means standard input.
    static let standardInput = "-"

    static func read(_ path: String, maxSize: Int) -> Result<[UInt8], FileReadError> {
        readOrMap(path, maxSize: maxSize, mapFrom: nil).map { contents in
            guard case .bytes(let bytes) = contents else { preconditionFailure("mapped without being asked to") }
            return bytes
        }
    }

    /// Files from this size on are mapped by `readOrMap` rather than read.
    static let mappedFileSize = 8 << 20

    /// The `mapFrom` for reading the journey at `path` that is only imported (its bytes not
    /// kept): large journeys are mapped, so that the pages already read leave memory while the
    /// model is built (issue 17; issue 19 for XML). Catalogues are read whole, so those are read.
    static func mapFrom(forJourneyAt path: String) -> Int? {
        CatalogImporter.isCatalogPath(path) ? nil : mappedFileSize
    }

    /// Reads the file as `read` does, but maps a regular file of `mapFrom` bytes or more into
    /// memory instead, so that its pages can leave memory once the importer has read them.
    static func readOrMap(_ path: String, maxSize: Int, mapFrom: Int?) -> Result<InputContents, FileReadError> {
        if path == standardInput {
            return read(descriptor: STDIN_FILENO, path: "<stdin>", maxSize: maxSize, mapFrom: nil)
        }
        let result = path.withCString { read(cPath: $0, path: path, maxSize: maxSize, mapFrom: mapFrom) }
        // A name that is not UTF-8 on the command line (as git hands it to `git-diff`) reached
        // Swift with U+FFFD in place of its bytes: open it by the bytes it was given as.
        if case .failure = result, path.unicodeScalars.contains("\u{FFFD}"), let raw = rawArgument(decodingTo: path) {
            return read(rawPath: raw, as: path, maxSize: maxSize).map(InputContents.bytes)
        }
        return result
    }

    /// The bytes of the command-line argument that is not valid UTF-8 and decodes (with
    /// U+FFFD for what is not) to `text`, or `nil`.
    static func rawArgument(decodingTo text: String) -> [UInt8]? {
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self), count: strlen(argument)))
            if String(validating: bytes, as: UTF8.self) == nil, String(decoding: bytes, as: UTF8.self) == text { return bytes }
        }
        return nil
    }

    /// Reads the file named by the bytes `rawPath` (a name that is not valid UTF-8), calling
    /// it `path` in messages.
    static func read(rawPath: [UInt8], as path: String, maxSize: Int) -> Result<[UInt8], FileReadError> {
        (rawPath + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { read(cPath: $0.baseAddress!, path: path, maxSize: maxSize, mapFrom: nil) }
        }.map { contents in
            guard case .bytes(let bytes) = contents else { preconditionFailure("mapped without being asked to") }
            return bytes
        }
    }

    private static func read(cPath: UnsafePointer<CChar>, path: String, maxSize: Int, mapFrom: Int?) -> Result<InputContents, FileReadError> {
        let descriptor = open(cPath, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let reason = errno
            switch reason {
            case ENOENT: return .failure(FileReadError(path: path, message: "no such file", hint: "check the path"))
            case EACCES: return .failure(FileReadError(path: path, message: "permission denied", hint: "check the file's permissions"))
            default: return .failure(FileReadError(path: path, message: "cannot open: " + String(cString: strerror(reason))))
            }
        }
        defer { close(descriptor) }
        return read(descriptor: descriptor, path: path, maxSize: maxSize, mapFrom: mapFrom)
    }

    /// Reads an open descriptor to its end: a regular file, or a pipe (standard input, a named
    /// pipe such as bash's `<(git show HEAD:f.journey.json)`), which is read in blocking mode.
    private static func read(descriptor: Int32, path: String, maxSize: Int, mapFrom: Int?) -> Result<InputContents, FileReadError> {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(FileReadError(path: path, message: "cannot read: " + String(cString: strerror(errno))))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            return .failure(FileReadError(path: path, message: "it is a directory", hint: "name the journey files inside it"))
        }
        let kind = status.st_mode & S_IFMT
        if kind == S_IFIFO {
            // Opened without blocking so that a device cannot hang the open. A pipe is read to
            // its end as `cat` reads it: waiting for a writer first, since a named pipe whose
            // writer has not opened it yet would otherwise read as empty.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while poll(&waiting, 1, -1) < 0, errno == EINTR {}
        } else if descriptor == STDIN_FILENO, isatty(descriptor) == 1 {
            return .failure(FileReadError(path: path, message: "standard input is a terminal, not a journey",
                                          hint: "pipe a journey in (git show HEAD:f.journey.json | cjm check -), or name the file"))
        } else if kind != S_IFREG {
            return .failure(FileReadError(path: path, message: "it is not a regular file or a pipe",
                                          hint: "cjm reads journey files and pipes, not devices or sockets"))
        }
        guard Int(status.st_size) <= maxSize else {
            return .failure(FileReadError(
                path: path, message: "it is \(megabytes(Int(status.st_size))) MB, over the \(megabytes(maxSize)) MB limit",
                hint: "raise the limit with --max-file-size MB if the file is really a journey"))
        }
        if let mapFrom, kind == S_IFREG, Int(status.st_size) >= mapFrom,
           let file = MappedFile(descriptor: descriptor, size: Int(status.st_size)) {
            return .success(.mapped(file))
        }
        // One byte more than the file: reaching the end is then seen without growing (and so
        // copying) the buffer, which for a large file doubled the memory and the time of reading.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                // The file grew since fstat: read on, but never past the cap.
                guard bytes.count < maxSize else {
                    return .failure(FileReadError(path: path, message: "it is over the \(megabytes(maxSize)) MB limit",
                                                  hint: "raise the limit with --max-file-size MB"))
                }
                bytes.append(contentsOf: repeatElement(0, count: min(65_536, maxSize - bytes.count + 1)))
            }
            let result = bytes.withUnsafeMutableBytes { buffer in
                Platform.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if result < 0 {
                if errno == EINTR { continue }
                return .failure(FileReadError(path: path, message: "cannot read: " + String(cString: strerror(errno))))
            }
            if result == 0 { break }
            count += result
        }
        bytes.removeSubrange(count...)
        return .success(.bytes(bytes))
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}

/// A file's contents as `InputFiles.readOrMap` gives them: read into memory, or mapped.
enum InputContents {
    case bytes([UInt8])
    case mapped(MappedFile)
}

/// A regular file mapped into memory read-only, unmapped when released.
///
/// Its pages are the file's: once the importer has read past them they can be dropped from
/// memory (`release(upTo:)`) and are read back from the file if touched again, so a large
/// journey is not in memory twice, as bytes and as the model built from them (issue 17).
/// A file cut short by another program while it is mapped would fault on the lost pages,
/// which is why only large files, whose memory matters, are mapped.
final class MappedFile: @unchecked Sendable {
    // Immutable after init; the mapping is only read, and released by deinit alone.
    let bytes: UnsafeBufferPointer<UInt8>
    private let pageSize = Platform.pageSize

    /// Maps the first `size` bytes of the open file; `nil` if the system refuses (the caller reads it instead).
    init?(descriptor: Int32, size: Int) {
        guard size > 0, let address = Platform.mapReadOnly(descriptor, size: size) else { return nil }
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// Lets the whole pages before `offset` leave memory.
    func release(upTo offset: Int) {
        let count = min(offset, bytes.count) / pageSize * pageSize
        guard count > 0, let start = bytes.baseAddress else { return }
        Platform.dropMappedPages(UnsafeRawPointer(start), count: count)
    }

    deinit {
        if let start = bytes.baseAddress { Platform.unmap(UnsafeRawPointer(start), size: bytes.count) }
    }
}
