import ArgumentParser
import JourneyCSV
import JourneyKit

/// `--events` and `--transitions`: what customers were observed to do, drawn over the journey
/// by `render`, `export` and `report` (docs/observed.md).
struct ObservedOptions: ParsableArguments {
    @Option(name: .customLong("events"),
            help: ArgumentHelp("An event log (CSV: case, timestamp, touchpoint…) to draw: steps as wide as the cases that took them, map cards with the share of cases that reached them.",
                               valueName: "events.csv"))
    var eventsFile: String?

    @Option(name: .customLong("transitions"),
            help: ArgumentHelp("Instead of --events: observed steps aggregated elsewhere (CSV: from, to, cases).", valueName: "file.csv"))
    var transitionsFile: String?

    func validate() throws {
        if eventsFile != nil, transitionsFile != nil {
            throw ValidationError("--events and --transitions cannot be used together; give one of them")
        }
    }

    /// The observed traffic for `journey`, or nil without either option. Problems in the file
    /// are printed as located errors and end the command with exit code 2.
    func traffic(for journey: Journey) throws(ExitCode) -> ObservedTraffic? {
        if let eventsFile { return ObservedTraffic(try EventLogFile.conformance(of: journey, eventsFile: eventsFile)) }
        guard let transitionsFile else { return nil }
        let table: CSVTable
        do {
            table = try CSVFileReader.table(path: transitionsFile)
        } catch {
            throw DiagnosticOutput.fileError(transitionsFile, "cannot read the transitions: \(error.message)", hint: error.hint, line: error.line)
        }
        let read = ObservedTraffic.read(transitions: table, journey: journey)
        guard let traffic = read.traffic else {
            DiagnosticOutput.printToStandardError(read.errors)
            throw ExitCode(ExitStatus.invalidInput)
        }
        return traffic
    }
}
