import Foundation
import JourneyKit

// Quick measurement while the full harness is built: JSON import against JSONSerialization.
func median(_ runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return times.sorted()[times.count / 2]
}

for size in CommandLine.arguments.dropFirst().compactMap({ Int($0) }) {
    let journey = SyntheticJourney.make(touchpoints: size)
    let json = Array(JourneyJSONWriter.write(journey).utf8)
    let data = Data(json)
    let floor = median(5) { _ = try? JSONSerialization.jsonObject(with: data) }
    let importTime = median(5) { _ = JSONJourneyImporter.importJourney(from: json, path: "x.journey.json") }
    print(size, json.count, String(format: "floor %.4f import %.4f ratio %.2f", floor, importTime, importTime / floor))
}
