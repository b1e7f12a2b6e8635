extension Array where Element: Sendable {
    /// `map`, with at most `limit` elements transformed at the same time on the concurrency
    /// pool; the results are in the order of the elements, whatever order they finish in.
    ///
    /// A `limit` of 1 transforms the elements one after another on the calling task.
    func concurrentMap<Result: Sendable>(
        limit: Int, _ transform: @escaping @Sendable (Element) -> Result
    ) async -> [Result] {
        guard limit > 1, count > 1 else { return map(transform) }
        return await withTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: count)
            var next = 0
            func startNext() {
                guard next < count else { return }
                let index = next
                let element = self[index]
                group.addTask { (index, transform(element)) }
                next += 1
            }
            for _ in 0..<Swift.min(limit, count) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                startNext()
            }
            // Every index was filled exactly once above.
            return results.compactMap { $0 }
        }
    }
}
