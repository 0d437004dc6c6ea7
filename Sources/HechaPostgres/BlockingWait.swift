import Dispatch
import Synchronization

/// Runs async work to its end from synchronous code (a source is read on one of the host's
/// threads, which waits for the warehouse; the ledger's statements, on the thread of the run or
/// of the workbench's request, which waits for the server).
///
/// The work runs on ``WarehouseExecutor``, a queue of its own, not on Swift's cooperative pool:
/// that pool has one thread a core, and the threads waiting for a run (the command line's, a
/// test's) may hold all of them, so a task there could wait for ever for the thread that waits
/// for it.
public enum BlockingWait {
    /// The result of `work`, run on ``WarehouseExecutor``; the calling thread waits for it (it must
    /// not be that executor's own).
    public static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: WarehouseExecutor.shared) {
            let r: Result<T, any Error>
            do { r = .success(try await work()) } catch { r = .failure(error) }
            result.withLock { $0 = r }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}

/// The executor of the warehouse's async work: a serial dispatch queue, which gets a thread of
/// its own even when every thread of the cooperative pool is blocked.
public final class WarehouseExecutor: TaskExecutor, @unchecked Sendable {
    /// The one queue every warehouse source's work runs on (the waiting is for the network).
    public static let shared = WarehouseExecutor()
    private let queue = DispatchQueue(label: "hecha.warehouse")

    /// Runs `job` on the queue.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
