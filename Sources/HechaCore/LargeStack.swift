import Foundation
import Synchronization

/// Runs recursive work (checking and evaluating rule expressions) on threads with a large stack.
///
/// Checking and evaluating recurse once per level of an expression, and a debug build uses several
/// kilobytes of stack per level: the 8 MiB of a main thread (and less on worker threads) is not
/// enough for an expression at the depth limit. These threads reserve ``size`` bytes of address
/// space; only the pages actually used are ever committed.
public enum LargeStack {
    /// The stack of each thread started here.
    public static let size = 512 << 20

    /// Runs `body` on a new thread with a large stack and waits for it.
    public static func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let result: Result<T, E> = withoutActuallyEscaping(body) { escapable in
            let job = Job { () -> Result<T, E> in
                do throws(E) { return .success(try escapable()) } catch { return .failure(error) }
            }
            start(job.run).wait()
            job.release()
            return job.result!
        }
        return try result.get()
    }

    /// Calls `body` for each of `iterations` indices on as many large-stack threads as there are
    /// cores, or `workers` of them (the same contract as `DispatchQueue.concurrentPerform`), and
    /// returns when all are done.
    public static func concurrentPerform(iterations: Int, workers: Int? = nil, _ body: @Sendable (Int) -> Void) {
        guard iterations > 0 else { return }
        withoutActuallyEscaping(body) { escapable in
            let next = Atomic<Int>(0)
            let work = Job<Void> {
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    if i >= iterations { return }
                    escapable(i)
                }
            }
            let workers = max(1, min(iterations, workers ?? ProcessInfo.processInfo.activeProcessorCount))
            let finished = (0..<workers).map { _ in start { work.runAgain() } }
            for f in finished { f.wait() }
            work.release()
        }
    }

    /// Starts a thread running `body`; `wait()` on the result returns once it has finished.
    private static func start(_ body: @escaping @Sendable () -> Void) -> Completion {
        let done = Completion()
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        return done
    }

    /// Whether a thread has finished, waited for under a condition lock.
    private final class Completion: @unchecked Sendable {
        private let condition = NSCondition()
        private var finished = false   // guarded by `condition`
        func signal() {
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        func wait() {
            condition.lock()
            while !finished { condition.wait() }
            condition.unlock()
        }
    }

    /// A closure that does not escape its caller, made callable from the threads started here.
    /// `@unchecked Sendable`: every caller above waits until the threads it started have finished
    /// before it returns, so the closure and its result never outlive the call, and `result` is
    /// written by one thread and read only after that thread has signalled.
    private final class Job<T>: @unchecked Sendable {
        private var body: (() -> T)?
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
        /// Runs the body and keeps its result.
        func run() { result = body?() }
        /// Runs the body without keeping its result (several threads run it at once).
        func runAgain() { _ = body?() }
        /// Forgets the body before the caller returns: a thread may still hold this job for a
        /// moment after it has signalled, and the non-escaping closure must not outlive the call.
        func release() { body = nil }
    }
}
