import ArgumentParser
import Dispatch
import JourneyCSV
import JourneyKit

/// Reads an event log against a journey: for `cjm conform` and `--events`.
///
/// A large log is read in parts at once, one per core: the file is cut after line feeds into
/// byte ranges of about equal size, each range streamed by its own copy of the accumulator
/// (which numbers its rows and lines from 1), and the parts joined in file order
/// (`EventLogConformance.append(_:rowsBefore:)`), their errors moved down by the lines of the
/// parts before. The report and the errors are those of reading the file as one part; a cut
/// that fell inside a quoted field (a line feed in a cell) shows as a part that does not end
/// between records, and the file is then read again as one part.
enum EventLogFile {
    /// Row errors to show before giving up on a log: enough to see a pattern, not a flood.
    static let maxRowErrors = 20

    /// Without `--jobs`, a log is cut into parts only when each gets at least this many bytes:
    /// below it, starting threads costs more than it saves.
    static let minimumAutomaticPartBytes: Int64 = 8 << 20

    /// The conformance report of the log at `eventsFile`, read in `jobs` parts at once (by
    /// default one per core for a large log); problems are printed as located errors and end
    /// the command with exit code 2.
    static func conformance(
        of journey: Journey, eventsFile: String, maxDeviations: Int = 1_000, jobs: Int? = nil
    ) throws(ExitCode) -> ConformanceReport {
        var prototype = EventLogConformance(journey: journey, file: eventsFile)
        var headerErrors: [Diagnostic] = []
        let ranges: [Range<Int64>]
        do {
            try EventLogReader.stream(
                path: eventsFile,
                header: { header in
                    headerErrors = prototype.begin(header: header)
                    return false
                },
                row: { _ in false })
            ranges = try EventLogReader.parts(path: eventsFile, count: partCount(eventsFile, jobs: jobs))
        } catch {
            throw readFailure(eventsFile, error)
        }
        guard headerErrors.isEmpty else {
            DiagnosticOutput.printToStandardError(headerErrors)
            throw ExitCode(ExitStatus.invalidInput)
        }
        if ranges.count > 1,
           let report = try joined(read(ranges, of: eventsFile, from: prototype), file: eventsFile, maxDeviations: maxDeviations) {
            return report
        }
        // One part, to the file's end, always joins.
        let whole = read([0..<Int64.max], of: eventsFile, from: prototype)
        guard let report = try joined(whole, file: eventsFile, maxDeviations: maxDeviations) else {
            throw ExitCode(ExitStatus.invalidInput)
        }
        return report
    }

    private static func readFailure(_ path: String, _ failure: CSVReadFailure) -> ExitCode {
        DiagnosticOutput.fileError(path, "cannot read the event log: \(failure.message)", hint: failure.hint, line: failure.line)
    }

    /// How many parts to read `path` in: `jobs` when given, else one per core while each part
    /// gets `minimumAutomaticPartBytes`.
    private static func partCount(_ path: String, jobs: Int?) -> Int {
        if let jobs { return max(1, jobs) }
        var status = stat()
        guard stat(path, &status) == 0 else { return 1 }
        return max(1, min(Platform.processorCount, Int(Int64(status.st_size) / minimumAutomaticPartBytes)))
    }

    /// What reading one part gave: its accumulator, the errors of each bad row (lines counted
    /// from the part's start), and how the reading ended.
    fileprivate struct Part: Sendable {
        var conformance: EventLogConformance
        var rowErrors: [[Diagnostic]] = []
        var end: Result<EventLogPartEnd, CSVReadFailure>
    }

    /// Reads each of `ranges` on its own thread, each with a copy of `prototype` (which has
    /// read the header).
    private static func read(_ ranges: [Range<Int64>], of path: String, from prototype: EventLogConformance) -> [Part] {
        let results = PartResults<Part>(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
            results.store(readPart(ranges[index], of: path, from: prototype), at: index)
        }
        return results.parts
    }

    private static func readPart(_ range: Range<Int64>, of path: String, from prototype: EventLogConformance) -> Part {
        var conformance = prototype
        var rowErrors: [[Diagnostic]] = []
        var errorCount = 0
        let end: Result<EventLogPartEnd, CSVReadFailure>
        do {
            end = .success(try EventLogReader.stream(
                path: path, bytes: range,
                // The header was read before the parts: the first part passes over it.
                header: { _ in true },
                row: { record in
                    let errors = conformance.add(record)
                    // Appending an empty list to the empty one made a new buffer per row (perf showed it).
                    if !errors.isEmpty {
                        rowErrors.append(errors)
                        errorCount += errors.count
                    }
                    return errorCount < maxRowErrors
                }))
        } catch {
            end = .failure(error)
        }
        return Part(conformance: conformance, rowErrors: rowErrors, end: end)
    }

    /// The parts joined in file order, as one reading of the whole file would have ended: the
    /// first `maxRowErrors` errors (whole rows) printed, or the first failure thrown, or the
    /// report. `nil` when a part but the last did not end between records.
    private static func joined(_ parts: [Part], file: String, maxDeviations: Int) throws(ExitCode) -> ConformanceReport? {
        var joined: EventLogConformance?
        var errors: [Diagnostic] = []
        var linesBefore = 0
        var rowsBefore = 0
        for (index, part) in parts.enumerated() {
            for rowErrors in part.rowErrors where errors.count < maxRowErrors {
                errors += rowErrors.map { error in
                    var error = error
                    error.location.line += linesBefore
                    return error
                }
            }
            if errors.count >= maxRowErrors { break }
            let end: EventLogPartEnd
            switch part.end {
            case .failure(let failure): throw readFailure(file, failure.movedDown(byLines: linesBefore))
            case .success(let partEnd): end = partEnd
            }
            if index < parts.count - 1, !end.endsBetweenRecords { return nil }
            if joined == nil {
                joined = part.conformance
            } else {
                joined?.append(part.conformance, rowsBefore: rowsBefore)
            }
            linesBefore += end.lineBreaks
            rowsBefore += end.rows
        }
        guard errors.isEmpty else {
            DiagnosticOutput.printToStandardError(errors)
            throw ExitCode(ExitStatus.invalidInput)
        }
        return joined?.finish(maxDeviations: maxDeviations)
    }
}

/// The parts' results, each stored once by the thread that read it.
private final class PartResults<Part>: @unchecked Sendable {
    // Each slot is written by one thread only and read after `concurrentPerform` returns,
    // which waits for every thread: the slots need no lock.
    private let slots: UnsafeMutableBufferPointer<Part?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    func store(_ part: Part, at index: Int) {
        slots[index] = part
    }

    /// Every slot, once all are stored.
    var parts: [Part] { slots.compactMap { $0 } }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }
}
