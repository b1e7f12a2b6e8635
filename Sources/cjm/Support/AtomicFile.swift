import ArgumentParser
import JourneyKit

/// Why an output file could not be written; the target is untouched when this is thrown.
struct FileWriteError: Error {
    var path: String
    var message: String
    var hint: String?
}

/// Options shared by every command that writes files.
struct WritingOptions: ParsableArguments {
    @Flag(help: "Write even to a read-only file, and write a file with several hard links in place.")
    var force = false
}

/// Writes output files so that a reader never sees half a file and a failure never costs
/// the user the previous version: the bytes go to a temporary file in the same folder,
/// which is renamed over the target only once complete and flushed.
enum AtomicFile {
    /// Writes `text` to `path`. A file that already exists keeps its permissions, owner and group.
    static func write(_ text: String, to path: String, force: Bool = false) throws(FileWriteError) {
        var bytes = Array(text.utf8)
        try write(bytes: &bytes, to: path, force: force)
    }

    /// Writes `bytes` to `path`; see ``write(_:to:force:)``. With `force`, a read-only file is
    /// replaced and a file with several hard links is rewritten in place (keeping the links).
    static func write(bytes: inout [UInt8], to path: String, force: Bool = false) throws(FileWriteError) {
        try write(to: path, force: force) { [bytes] descriptor in writeAll(bytes, to: descriptor) }
    }

    /// Writes to `path` what `produce` writes to the descriptor it is given (it returns why
    /// writing failed, or `nil`), as ``write(bytes:to:force:)`` writes bytes: output made in
    /// pieces (a large diagram) goes to the file as it is made, and the file is still replaced
    /// only once complete.
    static func write(to path: String, force: Bool = false, writing produce: (Int32) -> String?) throws(FileWriteError) {
        guard !path.isEmpty else {
            throw FileWriteError(path: path, message: "the output path is empty", hint: "name a file after -o")
        }
        // `/dev/stdout`, `/proc/self/fd/1`: the descriptor itself, so that what the shell
        // redirected it to (a file with other output before and after, `>> log`) is appended
        // to, not replaced.
        if let descriptor = ownDescriptor(named: path) {
            if let reason = produce(descriptor) {
                throw FileWriteError(path: path, message: reason)
            }
            return
        }
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
            case S_IFREG:
                // A link into /proc or /dev (another process's descriptor, a terminal) is not
                // a file to replace.
                if target.hasPrefix("/proc/") || target.hasPrefix("/dev/") {
                    try writeInPlace(to: path, truncating: false, produce)
                    return
                }
            case S_IFDIR: throw FileWriteError(path: path, message: "it is a directory")
            case S_IFCHR, S_IFIFO:
                // /dev/null, a terminal, a pipe: write straight to it; renaming a file over a
                // device would replace the device.
                try writeInPlace(to: path, truncating: false, produce)
                return
            default: throw FileWriteError(path: path, message: "it is not a regular file")
            }
        }
        exists = exists && (existing.st_mode & S_IFMT) == S_IFREG
        if exists, !force {
            if isReadOnly(existing, path: target) {
                throw FileWriteError(path: path, message: "the file is read-only",
                                     hint: "make it writable (chmod u+w), or pass --force to replace it anyway")
            }
            if existing.st_nlink > 1 {
                throw FileWriteError(path: path, message: "the file has \(existing.st_nlink) hard links; replacing it would cut it off from the others",
                                     hint: "pass --force to rewrite it in place, keeping the links")
            }
        }
        if exists, existing.st_nlink > 1 {
            // Asked for with --force: the links stay, at the cost of atomicity.
            try writeInPlace(to: target, truncating: true, produce)
            return
        }

        let folder = folderOf(target)
        let name = target.split(separator: "/").last.map(String.init) ?? target
        var folderStatus = stat()
        guard stat(folder, &folderStatus) == 0 else {
            throw FileWriteError(path: path, message: "the folder \(folder) does not exist", hint: "create it first, or write somewhere else")
        }
        guard (folderStatus.st_mode & S_IFMT) == S_IFDIR else {
            throw FileWriteError(path: path, message: "\(folder) is not a folder")
        }
        // Keep the permissions of the file being replaced; new files get the usual 0666 less umask.
        let mode: mode_t = exists ? existing.st_mode & 0o7777 : 0o666

        // Always in the target's own folder (never the current one): a rename works only
        // within one file system.
        let template = (folder.hasSuffix("/") ? folder : folder + "/") + ".\(name).cjm-XXXXXX"
        let temporary = TemporaryFile(template: template)
        guard temporary.descriptor >= 0 else {
            throw FileWriteError(path: path, message: "cannot create a file in \(folder): " + String(cString: strerror(errno)))
        }
        var succeeded = false
        defer {
            if !succeeded { temporary.remove() }
        }
        if let reason = produce(temporary.descriptor) {
            close(temporary.descriptor)
            throw FileWriteError(path: path, message: reason)
        }
        TemporaryFile.pauseForTests(temporary)
        if exists {
            // Owner and group first: changing the owner clears set-user-ID bits. An ordinary
            // user may only keep the group (when a member of it); root keeps both.
            if fchown(temporary.descriptor, existing.st_uid, existing.st_gid) != 0 {
                _ = fchown(temporary.descriptor, uid_t.max, existing.st_gid)
            }
            fchmod(temporary.descriptor, mode)
        } else {
            let mask = umask(0)
            umask(mask)
            fchmod(temporary.descriptor, mode & ~mask)
        }
        guard fsync(temporary.descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            close(temporary.descriptor)
            throw FileWriteError(path: path, message: "cannot flush the file: " + reason)
        }
        guard close(temporary.descriptor) == 0 else {
            throw FileWriteError(path: path, message: "cannot close the file: " + String(cString: strerror(errno)))
        }
        guard rename(temporary.path, target) == 0 else {
            throw FileWriteError(path: path, message: "cannot replace the file: " + String(cString: strerror(errno)))
        }
        succeeded = true
        temporary.forget()
    }

    /// Whether `output` names the same existing file as `input` (by device and inode, so that
    /// `./a.json`, `a.json` and a link to it all count).
    static func isSameFile(_ output: String, as input: String) -> Bool {
        var outputStatus = stat(), inputStatus = stat()
        guard stat(output, &outputStatus) == 0, stat(input, &inputStatus) == 0 else { return false }
        return outputStatus.st_dev == inputStatus.st_dev && outputStatus.st_ino == inputStatus.st_ino
    }

    /// The folder holding `path`: `.` for a bare name, `/` for a name at the root.
    static func folderOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// The open descriptor of this process that `path` names (`/dev/stdout`, `/dev/stderr`,
    /// `/dev/fd/N`, `/proc/self/fd/N`, `/proc/PID/fd/N` with this process's id), or `nil`.
    static func ownDescriptor(named path: String) -> Int32? {
        let number: Substring?
        switch path {
        case "/dev/stdout": number = "1"
        case "/dev/stderr": number = "2"
        default:
            let prefixes = ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", "/proc/\(getpid())/fd/"]
            number = prefixes.first(where: path.hasPrefix).map { path.dropFirst($0.count) }
        }
        guard let number, let descriptor = Int32(number), descriptor >= 0 else { return nil }
        var status = stat()
        // Only a descriptor that is open and writable; otherwise the path is opened as usual.
        guard fstat(descriptor, &status) == 0 else { return nil }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, flags & O_ACCMODE != O_RDONLY else { return nil }
        return descriptor
    }

    /// Whether this process may not write to the file by its permission bits. Root may write
    /// anything, so for root a file no one may write counts as read-only.
    private static func isReadOnly(_ status: stat, path: String) -> Bool {
        if geteuid() == 0 { return status.st_mode & 0o222 == 0 }
        return access(path, W_OK) != 0 && errno == EACCES
    }

    private static func writeInPlace(to path: String, truncating: Bool, _ produce: (Int32) -> String?) throws(FileWriteError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | (truncating ? O_TRUNC : 0))
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, message: "cannot open: " + String(cString: strerror(errno)))
        }
        if let reason = produce(descriptor) {
            close(descriptor)
            throw FileWriteError(path: path, message: reason)
        }
        guard close(descriptor) == 0 else {
            throw FileWriteError(path: path, message: "cannot close the file: " + String(cString: strerror(errno)))
        }
    }

    /// Writes every byte; returns why it failed (the system's reason), or `nil`.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return writeAll(base, count: buffer.count, to: descriptor)
        }
    }

    /// Writes `count` bytes from `base`, retrying after interruptions and short writes.
    static func writeAll(_ base: UnsafeRawPointer, count: Int, to descriptor: Int32) -> String? {
        var offset = 0
        while offset < count {
            let written = Platform.write(descriptor, base + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            // A write that takes nothing and reports no error would loop forever.
            if written == 0 { return "the output took no more bytes after \(offset) of \(count)" }
            offset += written
        }
        return nil
    }
}

/// A temporary file that is removed when cjm is interrupted (SIGINT, SIGTERM, SIGHUP) while
/// it exists, so that no half-written `.NAME.cjm-XXXXXX` is left behind.
final class TemporaryFile {
    let path: String
    let descriptor: Int32

    init(template: String) {
        var bytes = Array(template.utf8CString)
        Interruption.install()
        // Published before the file exists (holding the template until mkstemp has filled in
        // the name), so that a signal right after mkstemp still finds the file to remove.
        let pending = strdup(template)
        Interruption.temporaryPath = pending
        descriptor = bytes.withUnsafeMutableBufferPointer { buffer in
            let descriptor = mkstemp(buffer.baseAddress!)
            if descriptor >= 0, let pending { strcpy(pending, buffer.baseAddress!) }
            return descriptor
        }
        path = String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if descriptor < 0 { forget() }
    }

    /// Deletes the file and stops tracking it.
    func remove() {
        unlink(path)
        forget()
    }

    /// Stops tracking the file (it was renamed into place).
    func forget() {
        let pending = Interruption.temporaryPath
        Interruption.temporaryPath = nil
        free(pending)
    }

    /// For the test of interrupted writes: with `CJM_TEST_HOLD_TEMPORARY_FILE` set, says
    /// where the temporary file is and waits for a signal, so the test can interrupt cjm
    /// at the one moment that matters.
    static func pauseForTests(_ file: TemporaryFile) {
        guard getenv("CJM_TEST_HOLD_TEMPORARY_FILE") != nil else { return }
        FileHandleOutput.standardError.write("holding \(file.path)\n")
        pause()
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
