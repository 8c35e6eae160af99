import Dispatch
import Foundation

/// Maps work items on several threads with a bounded width, keeping results in input order.
enum ParallelMap {
    /// Applies `body` to every index in 0..<count on up to `width` threads.
    ///
    /// Workers take the next index from a shared counter, so uneven items balance out; each result
    /// lands in its own slot, so the output is in input order and does not depend on scheduling.
    /// `progress(done, total)` is called after each item, serialised, with `done` increasing by one.
    static func map<Result: Sendable>(count: Int, width: Int, progress: (@Sendable (Int, Int) -> Void)?,
                                      _ body: @Sendable (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let box = Box<Result>(count: count)
        let workers = max(1, min(width, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = box.claim() {
                let value = body(index)
                box.store(value, at: index, progress: progress)
            }
        }
        return box.results()
    }

    /// Shared state of one map: the next index, the results, and the count done, behind a lock.
    private final class Box<Result>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var done = 0
        private var slots: [Result?]

        init(count: Int) { slots = [Result?](repeating: nil, count: count) }

        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < slots.count else { return nil }
            next += 1
            return next - 1
        }

        /// Stores a result and reports progress under the lock, so that reports arrive one at a
        /// time and in increasing order.
        func store(_ value: Result, at index: Int, progress: (@Sendable (Int, Int) -> Void)?) {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = value
            done += 1
            progress?(done, slots.count)
        }

        func results() -> [Result] {
            lock.lock()
            defer { lock.unlock() }
            return slots.compactMap { $0 }
        }
    }
}
