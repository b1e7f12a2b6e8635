// The libFuzzer entry point for cjm, built by scripts/fuzz.sh together with JourneyKit's
// sources. One binary serves every target; CJM_FUZZ_TARGET names the one to run, so the
// (slow) instrumented build happens once.
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
    HostileInputPipeline.run(fuzzTarget, bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
