import Dispatch

/// Runs `body(0..<iterations)` on all cores when `parallel` is true and there is more than one
/// iteration, else in order on the calling thread.
func parallelFor(_ iterations: Int, parallel: Bool = true, _ body: @Sendable (Int) -> Void) {
    if parallel && iterations > 1 {
        DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
    } else {
        for index in 0..<iterations { body(index) }
    }
}

/// A buffer that parallel iterations read, or write at disjoint indices only.
///
/// `@unchecked Sendable` is sound under that discipline: every use in this module gives each
/// iteration its own index range and reads shared inputs without writing them.
struct SharedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.buffer = buffer
    }

    init(_ buffer: UnsafeBufferPointer<Element>) {
        self.buffer = UnsafeMutableBufferPointer(mutating: buffer)
    }

    /// A read-only view.
    var readOnly: UnsafeBufferPointer<Element> { UnsafeBufferPointer(buffer) }
}
