import ArgumentParser
import JourneyKit

/// Why an output file could not be written; the target is untouched when this is thrown.
struct FileWriteError: Error {
    var path: String
    var message: String
    var hint: String?
}

/// Writes output files so that a reader never sees half a file and a failure never costs
/// the user the previous version: the bytes go to a temporary file in the same folder,
/// which is renamed over the target only once complete and flushed.
enum AtomicFile {
    /// Writes `text` to `path`. A file that already exists keeps its permissions.
    static func write(_ text: String, to path: String) throws(FileWriteError) {
        var bytes = Array(text.utf8)
        try write(bytes: &bytes, to: path)
    }

    static func write(bytes: inout [UInt8], to path: String) throws(FileWriteError) {
        var existing = stat()
        var exists = stat(path, &existing) == 0
        // A link is followed, so that the file it points at is rewritten and the link stays one.
        var target = path
        var linkStatus = stat()
        if exists, lstat(path, &linkStatus) == 0, (linkStatus.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        if exists {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw FileWriteError(path: path, message: "it is a directory")
            case S_IFCHR, S_IFIFO:
                // /dev/null, /dev/stdout, a pipe: write straight to it; renaming a file over a
                // device would replace the device.
                try writeInPlace(bytes, to: path)
                return
            default: throw FileWriteError(path: path, message: "it is not a regular file")
            }
        }
        exists = exists && (existing.st_mode & S_IFMT) == S_IFREG

        let folder = target.lastIndex(of: "/").map { String(target[..<$0]) } ?? "."
        let name = target.split(separator: "/").last.map(String.init) ?? target
        var folderStatus = stat()
        guard stat(folder.isEmpty ? "/" : folder, &folderStatus) == 0 else {
            throw FileWriteError(path: path, message: "the folder \(folder) does not exist", hint: "create it first, or write somewhere else")
        }
        guard (folderStatus.st_mode & S_IFMT) == S_IFDIR else {
            throw FileWriteError(path: path, message: "\(folder) is not a folder")
        }
        // Keep the permissions of the file being replaced; new files get the usual 0666 less umask.
        let mode: mode_t = exists ? existing.st_mode & 0o7777 : 0o666

        var template = Array("\(folder.isEmpty ? "" : folder + "/").\(name).cjm-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, message: "cannot create a file in \(folder.isEmpty ? "/" : folder): " + String(cString: strerror(errno)))
        }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporaryPath) }
        }
        if let reason = writeAll(bytes, to: descriptor) {
            close(descriptor)
            throw FileWriteError(path: path, message: "cannot write: \(reason)")
        }
        if !exists {
            let mask = umask(0)
            umask(mask)
            fchmod(descriptor, mode & ~mask)
        } else {
            fchmod(descriptor, mode)
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            throw FileWriteError(path: path, message: "cannot write: " + String(cString: strerror(errno)))
        }
        guard rename(temporaryPath, target) == 0 else {
            throw FileWriteError(path: path, message: "cannot replace the file: " + String(cString: strerror(errno)))
        }
        succeeded = true
    }

    /// Whether `output` names the same existing file as `input` (by device and inode, so that
    /// `./a.json`, `a.json` and a link to it all count).
    static func isSameFile(_ output: String, as input: String) -> Bool {
        var outputStatus = stat(), inputStatus = stat()
        guard stat(output, &outputStatus) == 0, stat(input, &inputStatus) == 0 else { return false }
        return outputStatus.st_dev == inputStatus.st_dev && outputStatus.st_ino == inputStatus.st_ino
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, message: "cannot open: " + String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        if let reason = writeAll(bytes, to: descriptor) {
            throw FileWriteError(path: path, message: "cannot write: \(reason)")
        }
    }

    /// Writes every byte; returns why it failed, or `nil`.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Platform.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}

/// The rule for commands that read a journey and write a file: never replace the journey
/// they read with something else by accident.
enum OutputSafety {
    /// Throws exit code 2, after printing a message about `output`, when `output` is the input
    /// file `input`; `what` is what would have been written, `hint` the way to do it on purpose.
    static func refuseOverwritingInput(_ output: String?, input: String, writing what: String, hint: String) throws(ExitCode) {
        guard let output, AtomicFile.isSameFile(output, as: input) else { return }
        throw DiagnosticOutput.fileError(output, "refusing to overwrite the input journey with \(what)", hint: hint)
    }
}
