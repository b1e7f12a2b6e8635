import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Repeated timings of one piece of work, in seconds.
struct Timing {
    var samples: [Double]

    var minimum: Double { samples.min() ?? 0 }
    var maximum: Double { samples.max() ?? 0 }
    var median: Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    /// (max − min) / median: how far apart the runs were.
    var spread: Double { median > 0 ? (maximum - minimum) / median : 0 }

    /// Runs `body` once untimed (caches, lazy set-up), then `runs` times timed.
    static func measure(runs: Int, _ body: () -> Void) -> Timing {
        body()
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            body()
            samples.append(seconds(ContinuousClock.now - start))
        }
        return Timing(samples: samples)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// One run of a child process: its wall time, peak resident memory and exit status.
struct ChildRun {
    var seconds: Double
    var peakMemoryBytes: Int
    var status: Int32
}

enum ChildProcess {
    /// Runs `executable` with `arguments`, standard output and error sent to /dev/null, and
    /// reads its own peak memory (`ru_maxrss`) from `wait4`, so earlier children do not count.
    static func run(_ executable: String, _ arguments: [String]) -> ChildRun? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let start = ContinuousClock.now
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { return nil }
        }
        let elapsed = Timing.seconds(ContinuousClock.now - start)
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        // Linux reports ru_maxrss in kilobytes.
        return ChildRun(seconds: elapsed, peakMemoryBytes: Int(usage.ru_maxrss) * 1024, status: exitStatus)
    }

    /// The peak memory of one run, measured by GNU time (`/usr/bin/time`, Debian package
    /// `time`). Not from this process's `wait4`: Linux counts the parent's resident memory at
    /// spawn time into the child's `ru_maxrss`, and the benchmark holds large journeys.
    static func peakMemory(_ executable: String, _ arguments: [String], scratch: String, acceptedStatuses: Set<Int32> = [0]) -> Int? {
        let time = "/usr/bin/time"
        guard access(time, X_OK) == 0 else { return nil }
        let report = scratch + "/peak-memory.txt"
        guard let run = self.run(time, ["-f", "%M", "-o", report, executable] + arguments), acceptedStatuses.contains(run.status),
              let text = try? String(contentsOfFile: report, encoding: .utf8),
              let kilobytes = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
        else { return nil }
        return kilobytes * 1024
    }

    /// Standard output of a short command, or nil.
    static func output(_ command: String) -> String? {
        guard let pipe = popen(command + " 2>/dev/null", "r") else { return nil }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, pipe)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return pclose(pipe) == 0 ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
