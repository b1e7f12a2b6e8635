import JourneyKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an output file could not be written; the target is untouched when this is thrown.
struct FileWriteError: Error {
    var path: String
    var message: String
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
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var folderStatus = stat()
        guard stat(folder.isEmpty ? "/" : folder, &folderStatus) == 0, (folderStatus.st_mode & S_IFMT) == S_IFDIR else {
            throw FileWriteError(path: path, message: "the folder \(folder) does not exist")
        }
        var existing = stat()
        let exists = stat(path, &existing) == 0
        if exists, (existing.st_mode & S_IFMT) == S_IFDIR {
            throw FileWriteError(path: path, message: "it is a directory")
        }
        // Keep the permissions of the file being replaced; new files get the usual 0666 less umask.
        let mode: mode_t = exists ? existing.st_mode & 0o7777 : 0o666

        var template = Array("\(folder.isEmpty ? "" : folder + "/").\(name).cjm-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, message: "cannot create a file in \(folder): " + String(cString: strerror(errno)))
        }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporaryPath) }
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw FileWriteError(path: path, message: "cannot write: \(reason)")
            }
            offset += written
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
        guard rename(temporaryPath, path) == 0 else {
            throw FileWriteError(path: path, message: "cannot replace the file: " + String(cString: strerror(errno)))
        }
        succeeded = true
    }
}
