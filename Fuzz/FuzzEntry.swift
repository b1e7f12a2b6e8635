// The libFuzzer entry point for cjm, built by scripts/fuzz.sh together with HostileInput's
// sources, against an instrumented JourneyKit. One binary serves every target;
// CJM_FUZZ_TARGET names the one to run, so the (slow) instrumented build happens once.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private let fuzzTarget: HostileInputPipeline.Target = {
    let name = getenv("CJM_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = HostileInputPipeline.Target(rawValue: name) else {
        let known = HostileInputPipeline.Target.allCases.map(\.rawValue).joined(separator: ", ")
        fputs("set CJM_FUZZ_TARGET to one of: \(known)\n", stderr)
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let failures = HostileInputPipeline.run(fuzzTarget, bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    // A broken invariant must be a crash: that is how libFuzzer knows to keep the input.
    if !failures.isEmpty {
        fatalError("broken invariant:\n" + failures.joined(separator: "\n"))
    }
    return 0
}
